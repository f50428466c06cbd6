import type { ReactNode } from "react";
import { BrandMark } from "@/components/shell/brand";
import styles from "./auth-card.module.css";

/** The centred card of the pages outside a workspace: signing in, choosing a password. */
export function AuthCard({ title, lede, children, after }: { title: string; lede: ReactNode; children: ReactNode; after?: ReactNode }) {
  return (
    <main className={styles.page}>
      <div className={styles.column}>
        <div className={styles.brand}>
          <BrandMark size={32} />
          <span>ChatLens</span>
        </div>
        <div className={styles.card}>
          <h1>{title}</h1>
          <p className={styles.lede}>{lede}</p>
          {children}
        </div>
        {after}
      </div>
    </main>
  );
}
