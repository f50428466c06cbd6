"use client";

import { IntentLink } from "@/components/ui/intent-link";
import { usePathname } from "next/navigation";
import { SectionIcon } from "./icons";
import { SECTIONS, sectionFromPath } from "./sections";
import styles from "./shell.module.css";

export function SidebarNav({ workspaceId }: { workspaceId: string }) {
  const current = sectionFromPath(usePathname() ?? "");
  const base = `/w/${encodeURIComponent(workspaceId)}`;
  return (
    <nav aria-label="Main" className={styles.nav}>
      <ul>
        {SECTIONS.map((s) => (
          <li key={s.slug}>
            <IntentLink
              href={`${base}/${s.slug}`}
              className={styles.navLink}
              aria-current={s.slug === current ? "page" : undefined}
            >
              <SectionIcon slug={s.slug} />
              <span>{s.label}</span>
            </IntentLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
