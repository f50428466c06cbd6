import { KpiSkeletons } from "@/components/ui/kpi-card";
import panel from "@/components/ui/panel.module.css";
import { Skeleton } from "@/components/ui/query-state";
import styles from "./overview.module.css";

/** The overview's layout in grey, so the page does not jump when the figures arrive. */
export function OverviewSkeleton() {
  return (
    <div className={styles.body} aria-busy="true">
      <p role="status" className="visually-hidden">
        Loading the overview…
      </p>
      <KpiSkeletons count={5} />
      <div className={panel.panel} aria-hidden="true">
        <Skeleton width={180} height={16} />
        <Skeleton height={8} style={{ marginTop: 18, marginBottom: 16 }} />
        <KpiSkeletons count={5} compact />
      </div>
      <div className={panel.panel} aria-hidden="true">
        <Skeleton width={160} height={16} />
        <Skeleton height={260} style={{ marginTop: 24 }} />
      </div>
    </div>
  );
}
