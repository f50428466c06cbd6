import styles from "./manage.module.css";

/** A table's header and three shimmering rows while its data loads; `actions` keeps room for the actions column. */
export function TableSkeleton({ label, columns, actions = false }: { label: string; columns: readonly string[]; actions?: boolean }) {
  return (
    <div className={styles.tableWrap} aria-busy="true">
      <p role="status" className="visually-hidden">
        {label}
      </p>
      <table className={styles.table} aria-hidden="true">
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c}>{c}</th>
            ))}
            {actions ? <th /> : null}
          </tr>
        </thead>
        <tbody>
          {[0, 1, 2].map((row) => (
            <tr key={row}>
              {columns.map((c, i) => (
                <td key={c}>
                  <span className={styles.skeleton} style={{ width: i === 0 ? 120 : 70, height: 12 }} />
                </td>
              ))}
              {actions ? <td /> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
