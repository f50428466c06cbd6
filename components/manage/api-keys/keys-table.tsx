"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useSession } from "next-auth/react";
import { useEffect, useRef, useState } from "react";
import { describeError } from "@/components/trpc-error";
import { useTRPC } from "@/components/trpc";
import type { AppRouter } from "@/server/routers/_app";
import { RelativeTime } from "@/components/ui/relative-time";
import styles from "../manage.module.css";
import { TableSkeleton } from "@/components/ui/table/table-skeleton";
import { EmptyState } from "@/components/ui/query-state";
import { ClientTable } from "@/components/ui/table/client-table";
import { actionsColumn, DetailToggle } from "@/components/ui/table/actions-column";
import { createDataColumnHelper, type DataColumns } from "@/components/ui/table/features";
import { refreshQueries } from "@/components/refresh-queries";

type ApiKey = inferRouterOutputs<AppRouter>["apiKeys"]["list"][number];

const COLUMNS = ["Name", "Key", "Created", "Created by", "Last used", "Requests", "Status"] as const;

export function KeysTable({ workspaceId, keys }: { workspaceId: string; keys: ApiKey[] }) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const userId = useSession().data?.user?.id;

  if (keys.length === 0) {
    return (
      <EmptyState title="No API keys yet">
        Create one above for each system that sends events to ChatLens.
      </EmptyState>
    );
  }
  const columns: DataColumns<ApiKey> = [
    column.accessor("name", { header: "Name", meta: { rowHeader: true, truncate: true } }),
    column.accessor("keyPrefix", { header: "Key", enableSorting: false, cell: ({ row }) => <code className={styles.nowrap}>{row.original.keyPrefix}…</code> }),
    column.accessor("createdAt", { header: "Created", cell: ({ row }) => <RelativeTime value={row.original.createdAt} /> }),
    column.accessor((key) => createdBy(key.createdBy, userId), { id: "createdBy", header: "Created by" }),
    column.accessor((key) => key.lastUsedAt ?? "", {
      id: "lastUsed",
      header: "Last used",
      cell: ({ row }) => (row.original.lastUsedAt ? <RelativeTime value={row.original.lastUsedAt} /> : "Never"),
    }),
    column.accessor("requests", { header: "Requests", meta: { align: "end" }, sortDescFirst: true }),
    column.accessor((key) => (key.revokedAt ? "revoked" : "active"), {
      id: "status",
      header: "Status",
      cell: ({ row }) =>
        row.original.revokedAt ? (
          <span className={styles.badge} data-tone="revoked">
            Revoked <RelativeTime value={row.original.revokedAt} />
          </span>
        ) : (
          <span className={styles.badge} data-tone="active">
            Active
          </span>
        ),
    }),
    actionsColumn((row) =>
      row.revokedAt ? null : (
        <DetailToggle label={`Revoke key ${row.name}`} open={confirming === row.keyId} onToggle={() => setConfirming(confirming === row.keyId ? null : row.keyId)}>
          Revoke
        </DetailToggle>
      ),
    ),
  ];
  return (
    <ClientTable
      caption="API keys of this workspace, newest first"
      columns={columns}
      data={keys}
      getRowId={(key) => key.keyId}
      pageSize={50}
      noun="keys"
      renderDetail={(key) =>
        confirming === key.keyId && !key.revokedAt ? <RevokeConfirm workspaceId={workspaceId} apiKey={key} onClose={() => setConfirming(null)} /> : null
      }
    />
  );
}

const column = createDataColumnHelper<ApiKey>();

function createdBy(id: string, me: string | undefined): string {
  if (me && id === me) return "You";
  if (id === "environment") return "Server setting";
  return id;
}

function RevokeConfirm({ workspaceId, apiKey, onClose }: { workspaceId: string; apiKey: ApiKey; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const confirmButton = useRef<HTMLButtonElement>(null);
  const revoke = useMutation(
    trpc.apiKeys.revoke.mutationOptions({
      onSuccess: async () => {
        await refreshQueries(queryClient, { queryKey: trpc.apiKeys.list.queryKey({ workspaceId }) });
        onClose();
      },
    }),
  );
  useEffect(() => confirmButton.current?.focus(), []);

  return (
    <div className={styles.stack} style={{ gap: 10 }}>
      <div className={styles.confirm} role="group" aria-label={`Revoke key ${apiKey.name}`}>
        <p>
          <strong>Revoke “{apiKey.name}”?</strong> Anything still using it gets <code>401</code> from its next request on.
          This cannot be undone.
        </p>
        <div className={styles.actions}>
          <button
            ref={confirmButton}
            type="button"
            className={`btn btn-small ${styles.btnDanger}`}
            disabled={revoke.isPending}
            onClick={() => revoke.mutate({ workspaceId, keyId: apiKey.keyId })}
          >
            {revoke.isPending ? "Revoking…" : "Revoke key"}
          </button>
          <button type="button" className="btn btn-small" onClick={onClose} disabled={revoke.isPending}>
            Cancel
          </button>
        </div>
      </div>
      {revoke.isError ? (
        <div role="alert" className="alert">
          <strong>The key was not revoked.</strong>
          {describeError(revoke.error)}
        </div>
      ) : null}
    </div>
  );
}

export function KeysTableSkeleton() {
  return <TableSkeleton label="Loading the API keys…" columns={COLUMNS} actions />;
}
