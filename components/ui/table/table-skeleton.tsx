import { Skeleton } from "@/components/ui/query-state";
import styles from "./table.module.css";

/**
 * A table's header and three shimmering rows while its data loads; `actions` keeps room for the actions column.
 * Without `label` it says nothing itself: inside QueryState, which announces "Loading …".
 */
export function TableSkeleton({ label, columns, actions = false }: { label?: string; columns: readonly string[]; actions?: boolean }) {
  return (
    <div className={styles.wrap} aria-busy="true">
      {label ? (
        <p role="status" className="visually-hidden">
          {label}
        </p>
      ) : null}
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
                  <Skeleton width={i === 0 ? 120 : 70} height={12} style={{ display: "inline-block" }} />
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
