import type { ReactNode } from "react";
import styles from "./manage.module.css";

/** Why this tab is closed to the signed-in person, and who can help. */
export function RoleNotice({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className={styles.notice} aria-labelledby="role-notice-title">
      <span className={styles.noticeIcon}>
        <svg width="20" height="20" viewBox="0 0 24 24" fill="none" aria-hidden="true">
          <path
            d="M7 11V8a5 5 0 0 1 10 0v3M6 11h12a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1v-7a1 1 0 0 1 1-1Z"
            stroke="currentColor"
            strokeWidth="1.8"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      </span>
      <div>
        <h2 id="role-notice-title">{title}</h2>
        <p>{children}</p>
      </div>
    </section>
  );
}
