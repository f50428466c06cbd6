import styles from "./overview.module.css";

/** The overview's layout in grey, so the page does not jump when the figures arrive. */
export function OverviewSkeleton() {
  return (
    <div className={styles.body} aria-busy="true">
      <p role="status" className="visually-hidden">
        Loading the overview…
      </p>
      <div className={styles.kpis} aria-hidden="true">
        {[0, 1, 2, 3, 4].map((i) => (
          <div key={i} className={styles.stat}>
            <span className={styles.skeleton} style={{ width: "55%", height: 12 }} />
            <span className={styles.skeleton} style={{ width: "40%", height: 28, marginTop: 10 }} />
            <span className={styles.skeleton} style={{ width: "70%", height: 10, marginTop: 10 }} />
          </div>
        ))}
      </div>
      <div className={styles.panel} aria-hidden="true">
        <span className={styles.skeleton} style={{ width: 180, height: 16 }} />
        <span className={styles.skeleton} style={{ width: "100%", height: 8, marginTop: 18 }} />
        <div className={styles.statuses} style={{ marginTop: 16 }}>
          {[0, 1, 2, 3, 4].map((i) => (
            <div key={i} className={styles.stat}>
              <span className={styles.skeleton} style={{ width: "60%", height: 12 }} />
              <span className={styles.skeleton} style={{ width: "45%", height: 24, marginTop: 10 }} />
            </div>
          ))}
        </div>
      </div>
      <div className={styles.panel} aria-hidden="true">
        <span className={styles.skeleton} style={{ width: 160, height: 16 }} />
        <span className={styles.skeleton} style={{ width: "100%", height: 260, marginTop: 24 }} />
      </div>
    </div>
  );
}
