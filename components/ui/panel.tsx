import type { ReactNode } from "react";
import styles from "./panel.module.css";

/**
 * A titled card of a page; `id` names its heading (`<id>-title`), which a
 * SectionIndex links to, and is the card's test id. `as="figure"` for a chart.
 */
export function Panel({
  id,
  title,
  description,
  actions,
  children,
  busy,
  as: Tag = "section",
  className,
}: {
  id: string;
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  busy?: boolean;
  as?: "section" | "figure";
  className?: string;
}) {
  return (
    <Tag
      className={className ? `${styles.panel} ${className}` : styles.panel}
      aria-labelledby={`${id}-title`}
      aria-busy={busy || undefined}
      data-testid={id}
    >
      <PanelHeader id={`${id}-title`} title={title} description={description} actions={actions} />
      {children}
    </Tag>
  );
}

/** A panel's heading row: the title and its one-line description, actions to the right. */
export function PanelHeader({ id, title, description, actions }: { id: string; title: ReactNode; description?: ReactNode; actions?: ReactNode }) {
  return (
    <div className={styles.panelHeader}>
      <div>
        <h2 id={id}>{title}</h2>
        {description ? <p>{description}</p> : null}
      </div>
      {actions}
    </div>
  );
}

/** A quiet box for a list with nothing in it, saying why and what would fill it. */
export function SmallEmpty({ children }: { children: ReactNode }) {
  return <div className={styles.smallEmpty}>{children}</div>;
}
