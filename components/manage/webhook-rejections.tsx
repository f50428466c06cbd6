"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc";
import { EmptyState, ErrorState } from "@/components/ui/query-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { ManageTableHead } from "./table-head";
import { TableSkeleton } from "./table-skeleton";
import styles from "./manage.module.css";

const COLUMNS = ["Received", "Part", "Why it was not stored", "As Meta sent it"] as const;

/**
 * The parts of recent webhook deliveries ChatLens left out (the rest of each
 * delivery was stored): what a person needs to see a sender's problem, e.g. a
 * bad timestamp, before it costs more than one message.
 */
export function WebhookRejections({ workspaceId }: { workspaceId: string }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.settings.webhookRejections.queryOptions({ workspaceId }));
  return (
    <section className={styles.panel} aria-labelledby="rejections-title">
      <div className={styles.panelHeader}>
        <div>
          <h2 id="rejections-title">Messages and statuses not stored</h2>
          <p>Parts of webhook deliveries ChatLens could not use, from the last 30 days, newest first. The rest of each delivery was stored.</p>
        </div>
      </div>
      {query.isPending ? (
        <TableSkeleton label="Loading the parts not stored…" columns={COLUMNS} />
      ) : query.isError ? (
        <ErrorState what="The parts not stored" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      ) : query.data.length === 0 ? (
        <EmptyState title="Every message and status was stored">
          When a delivery holds something ChatLens cannot use, such as a timestamp that is not a time, it is listed here with the reason.
        </EmptyState>
      ) : (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <caption className="visually-hidden">Parts of webhook deliveries not stored, newest first</caption>
            <ManageTableHead columns={COLUMNS} actions={false} />
            <tbody>
              {query.data.map((r) => (
                <tr key={`${r.part}|${r.receivedAt}`}>
                  <td className={styles.nowrap}>
                    <RelativeTime value={r.receivedAt} />
                  </td>
                  <th scope="row" className={styles.mono}>
                    {r.part}
                  </th>
                  <td>{r.reason}</td>
                  <td>
                    <details>
                      <summary>Show</summary>
                      <pre className={`${styles.mono} ${styles.payload}`}>{r.payload}</pre>
                    </details>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
