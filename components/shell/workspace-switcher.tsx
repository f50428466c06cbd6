"use client";

import { IntentLink } from "@/components/ui/intent-link";
import { usePathname, useRouter } from "next/navigation";
import { useId, useRef, useState, useTransition, type KeyboardEvent } from "react";
import { Select } from "@/components/ui/select";
import { sectionFromPath } from "./sections";
import styles from "./shell.module.css";

export interface WorkspaceOption {
  workspaceId: string;
  name: string;
}

/** Keys that change a closed select's value in place (Chromium on Linux and Windows): browsing, not choosing. */
const BROWSING_KEYS = new Set(["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Home", "End", "PageUp", "PageDown"]);

/**
 * The workspace of the page, and the way to another. A pick with the mouse
 * (or from the opened list) goes at once; arrowing through the closed box
 * only moves the choice, and Enter goes there, so a keyboard user can reach
 * the third workspace without landing on the second. Leaving the box puts
 * the current workspace back.
 */
export function WorkspaceSwitcher({ current, workspaces }: { current: string; workspaces: WorkspaceOption[] }) {
  const router = useRouter();
  const pathname = usePathname() ?? "";
  const [pending, startTransition] = useTransition();
  const [browsed, setBrowsed] = useState<string | null>(null);
  const browsing = useRef(false);
  const hintId = useId();
  // A workspace reached by URL but missing from the list still needs to show as selected.
  const options = workspaces.some((w) => w.workspaceId === current)
    ? workspaces
    : [{ workspaceId: current, name: current }, ...workspaces];

  function go(next: string) {
    setBrowsed(null);
    if (next === current) return;
    const section = sectionFromPath(pathname);
    // Keep the query string (e.g. the overview's date range) so the comparison stays like for like.
    const search = section === "overview" ? window.location.search : "";
    startTransition(() => router.push(`/w/${encodeURIComponent(next)}/${section}${search}`));
  }

  function onKeyDown(e: KeyboardEvent<HTMLSelectElement>) {
    if (e.key === "Enter" && browsed !== null) {
      e.preventDefault();
      go(browsed);
      return;
    }
    if (e.key === "Escape") setBrowsed(null);
    // Alt+Arrow and Space open the list; a choice made there is a pick.
    browsing.current = !e.altKey && (BROWSING_KEYS.has(e.key) || e.key.length === 1) && e.key !== " ";
  }

  return (
    <div className={styles.switcher} data-pending={pending || undefined}>
      <Select
        label="Workspace"
        className={styles.switcherSelect}
        value={browsed ?? current}
        onChange={(e) => (browsing.current ? setBrowsed(e.target.value) : go(e.target.value))}
        onKeyDown={onKeyDown}
        onPointerDown={() => (browsing.current = false)}
        onBlur={() => setBrowsed(null)}
        aria-busy={pending || undefined}
        aria-describedby={browsed !== null ? hintId : undefined}
      >
        {options.map((w) => (
          <option key={w.workspaceId} value={w.workspaceId}>
            {w.name}
          </option>
        ))}
      </Select>
      {browsed !== null && browsed !== current ? (
        <span id={hintId} className={styles.switcherHint}>
          Enter opens it; Esc stays here
        </span>
      ) : null}
      <IntentLink href="/workspaces/new" className={styles.switcherNew}>
        + New workspace
      </IntentLink>
    </div>
  );
}
