"use client";

import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTRPC } from "@/components/trpc";
import type { AppRouter } from "@/server/routers/_app";
import { EmptyState, ErrorState } from "@/components/ui/query-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { ClientTable } from "@/components/ui/table/client-table";
import { createDataColumnHelper, type DataColumns } from "@/components/ui/table/features";
import { TableSkeleton } from "@/components/ui/table/table-skeleton";
import styles from "./manage.module.css";

const COLUMNS = ["Received", "Part", "Why it was not stored", "As Meta sent it"] as const;

type Rejection = inferRouterOutputs<AppRouter>["settings"]["webhookRejections"][number];
const column = createDataColumnHelper<Rejection>();
const COLUMNS_DEF: DataColumns<Rejection> = [
  column.accessor("receivedAt", { header: "Received", cell: ({ row }) => <RelativeTime value={row.original.receivedAt} /> }),
  column.accessor("part", { header: "Part", meta: { rowHeader: true }, cell: ({ row }) => <span className={styles.mono}>{row.original.part}</span> }),
  column.accessor("reason", { header: "Why it was not stored", meta: { truncate: true } }),
  column.display({
    id: "payload",
    header: "As Meta sent it",
    cell: ({ row }) => (
      <details>
        <summary>Show</summary>
        <pre className={`${styles.mono} ${styles.payload}`}>{row.original.payload}</pre>
      </details>
    ),
  }),
];

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
        <ClientTable caption="Parts of webhook deliveries not stored, newest first" columns={COLUMNS_DEF} data={query.data} getRowId={(r) => `${r.part}|${r.receivedAt}`} pageSize={25} noun="parts" />
      )}
    </section>
  );
}
