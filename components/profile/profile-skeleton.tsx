import styles from "./profile.module.css";

/** The profile's layout in grey, so nothing jumps when the data arrives. */
export function ProfileSkeleton() {
  const bar = (width: string | number, height = 14, marginTop = 0) => (
    <span className={styles.skeleton} style={{ width, height, marginTop }} />
  );
  return (
    <div aria-busy="true" style={{ display: "grid", gap: 20 }}>
      <p role="status" className="visually-hidden">
        Loading the chat profile…
      </p>
      <div className={styles.identity} aria-hidden="true">
        <span className={styles.avatar} />
        <div style={{ display: "grid", gap: 8 }}>
          {bar(220, 22)}
          {bar(140, 12)}
        </div>
      </div>
      <div className={styles.params} aria-hidden="true">
        {Array.from({ length: 7 }, (_, i) => (
          <div key={i} className={styles.param}>
            {bar("60%", 12)}
            {bar("45%", 22, 6)}
          </div>
        ))}
      </div>
      <div className={styles.layout} aria-hidden="true">
        <div className={styles.panel}>
          {bar(160, 16)}
          {[0, 1, 2, 3].map((i) => (
            <div key={i}>{bar("100%", 32, 14)}</div>
          ))}
        </div>
        <div className={styles.panel}>
          {bar(120, 16)}
          {bar("100%", 60, 14)}
        </div>
      </div>
    </div>
  );
}
