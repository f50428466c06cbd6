"use client";

import styles from "./section-index.module.css";

/**
 * "On this page": a sticky row of links to a long page's sections (a profile
 * runs to 5,000 px, a campaign to 4,000), so a person jumps to what they came
 * for instead of scrolling past the rest. Each link targets a section's
 * heading id, so the heading lands at the top, under the index.
 */
export function SectionIndex({ sections }: { sections: ReadonlyArray<{ headingId: string; label: string }> }) {
  return (
    <nav aria-label="On this page" className={styles.index}>
      <ul>
        {sections.map((s) => (
          <li key={s.headingId}>
            <a href={`#${s.headingId}`}>{s.label}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
