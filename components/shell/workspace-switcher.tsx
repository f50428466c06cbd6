"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useTransition } from "react";
import { sectionFromPath } from "./sections";
import styles from "./shell.module.css";

export interface WorkspaceOption {
  workspaceId: string;
  name: string;
}

export function WorkspaceSwitcher({ current, workspaces }: { current: string; workspaces: WorkspaceOption[] }) {
  const router = useRouter();
  const pathname = usePathname() ?? "";
  const [pending, startTransition] = useTransition();
  // A workspace reached by URL but missing from the list still needs to show as selected.
  const options = workspaces.some((w) => w.workspaceId === current)
    ? workspaces
    : [{ workspaceId: current, name: current }, ...workspaces];

  function onChange(next: string) {
    if (next === current) return;
    const section = sectionFromPath(pathname);
    // Keep the query string (e.g. the overview's date range) so the comparison stays like for like.
    const search = section === "overview" ? window.location.search : "";
    startTransition(() => router.push(`/w/${encodeURIComponent(next)}/${section}${search}`));
  }

  return (
    <div className={styles.switcher}>
      <label htmlFor="workspace-switcher" className={styles.switcherLabel}>
        Workspace
      </label>
      <div className={styles.selectWrap} data-pending={pending || undefined}>
        <select
          id="workspace-switcher"
          value={current}
          onChange={(e) => onChange(e.target.value)}
          aria-busy={pending || undefined}
        >
          {options.map((w) => (
            <option key={w.workspaceId} value={w.workspaceId}>
              {w.name}
            </option>
          ))}
        </select>
        <svg width="14" height="14" viewBox="0 0 24 24" fill="none" aria-hidden="true">
          <path d="m7 10 5 5 5-5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </div>
      <Link href="/workspaces/new" className={styles.switcherNew}>
        + New workspace
      </Link>
    </div>
  );
}
