"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc";
import { ErrorState } from "@/components/ui/query-state";
import { CreateKeyForm } from "./create-key-form";
import { EventsHelp } from "./events-help";
import { KeysTable, KeysTableSkeleton } from "./keys-table";
import { NewToken } from "./new-token";
import styles from "../manage.module.css";

export function ApiKeysView({ workspaceId }: { workspaceId: string }) {
  const trpc = useTRPC();
  const keys = useQuery(trpc.apiKeys.list.queryOptions({ workspaceId }));
  // The one moment the whole key exists outside the creator's hands; it lives in memory only until dismissed.
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);

  return (
    <div className={styles.stack}>
      <section className={styles.panel} aria-labelledby="keys-title">
        <div className={styles.panelHeader}>
          <div>
            <h2 id="keys-title">API keys</h2>
            <p>Each key lets one backend send events to this workspace. Give every system its own key, so you can revoke one alone.</p>
          </div>
        </div>
        <div className={styles.stack}>
          <CreateKeyForm workspaceId={workspaceId} onCreated={setCreated} />
          {created ? <NewToken name={created.name} token={created.token} onDone={() => setCreated(null)} /> : null}
          {keys.isPending ? (
            <KeysTableSkeleton />
          ) : keys.isError ? (
            <ErrorState what="The API keys" error={keys.error} onRetry={() => void keys.refetch()} retrying={keys.isFetching} />
          ) : (
            <KeysTable workspaceId={workspaceId} keys={keys.data} />
          )}
        </div>
      </section>
      <EventsHelp />
    </div>
  );
}
