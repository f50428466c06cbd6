import styles from "./manage.module.css";

/**
 * A Manage table's header: the column names (the numeric one right-aligned)
 * and, for people who may act on the rows, an actions column named only for
 * screen readers.
 */
export function ManageTableHead({ columns, numeric, actions }: { columns: readonly string[]; numeric?: string; actions: boolean }) {
  return (
    <thead>
      <tr>
        {columns.map((c) => (
          <th key={c} scope="col" className={c === numeric ? styles.num : undefined}>
            {c}
          </th>
        ))}
        {actions ? (
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        ) : null}
      </tr>
    </thead>
  );
}
