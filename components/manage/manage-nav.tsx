"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { MANAGE_TABS, manageHref } from "./tabs";
import styles from "./manage.module.css";

/** The tab bar of Manage: plain links, so every tab has its own URL and Back works. */
export function ManageNav({ workspaceId }: { workspaceId: string }) {
  // `/w/<workspace>/manage/<tab>/…`
  const current = (usePathname() ?? "").split("/")[4];
  return (
    <nav aria-label="Manage" className={styles.tabs}>
      <ul>
        {MANAGE_TABS.map((tab) => (
          <li key={tab.slug}>
            <Link
              href={manageHref(workspaceId, tab.slug)}
              className={styles.tab}
              aria-current={tab.slug === current ? "page" : undefined}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
