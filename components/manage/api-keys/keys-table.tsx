"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useSession } from "next-auth/react";
import { Fragment, useEffect, useRef, useState } from "react";
import { describeError } from "@/components/trpc-error";
import { useTRPC } from "@/components/trpc";
import type { AppRouter } from "@/server/routers/_app";
import { formatNumber } from "@/components/ui/format";
import { RelativeTime } from "@/components/ui/relative-time";
import styles from "../manage.module.css";
import { ManageTableHead } from "../table-head";
import { TableSkeleton } from "../table-skeleton";
import { EmptyState } from "@/components/ui/query-state";

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
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table}>
        <caption className="visually-hidden">API keys of this workspace, newest first</caption>
        <ManageTableHead columns={COLUMNS} numeric="Requests" actions />
        <tbody>
          {keys.map((key) => (
            <Fragment key={key.keyId}>
              <tr data-revoked={key.revokedAt ? true : undefined} data-key-id={key.keyId}>
                <th scope="row">{key.name}</th>
                <td className={styles.nowrap}>
                  <code>{key.keyPrefix}…</code>
                </td>
                <td className={styles.nowrap}>
                  <RelativeTime value={key.createdAt} />
                </td>
                <td>{createdBy(key.createdBy, userId)}</td>
                <td className={styles.nowrap}>{key.lastUsedAt ? <RelativeTime value={key.lastUsedAt} /> : "Never"}</td>
                <td className={styles.num}>{formatNumber(key.requests)}</td>
                <td className={styles.nowrap}>
                  {key.revokedAt ? (
                    <span className={styles.badge} data-tone="revoked">
                      Revoked <RelativeTime value={key.revokedAt} />
                    </span>
                  ) : (
                    <span className={styles.badge} data-tone="active">
                      Active
                    </span>
                  )}
                </td>
                <td className={styles.nowrap}>
                  {key.revokedAt ? null : (
                    <button
                      type="button"
                      className="btn btn-small"
                      aria-label={`Revoke key ${key.name}`}
                      aria-expanded={confirming === key.keyId}
                      onClick={() => setConfirming(confirming === key.keyId ? null : key.keyId)}
                    >
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
              {confirming === key.keyId && !key.revokedAt ? (
                <tr className={styles.confirmRow}>
                  <td colSpan={COLUMNS.length + 1}>
                    <RevokeConfirm workspaceId={workspaceId} apiKey={key} onClose={() => setConfirming(null)} />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}

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
        await queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey({ workspaceId }) });
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
