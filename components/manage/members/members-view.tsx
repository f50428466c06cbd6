"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc";
import type { Role } from "@/server/auth/roles";
import { ErrorState } from "@/components/ui/query-state";
import { TableSkeleton } from "@/components/ui/table/table-skeleton";
import { InviteForm, type Invited } from "./invite-form";
import { MembersTable } from "./members-table";
import { TemporaryPassword } from "./temporary-password";
import styles from "../manage.module.css";

export const ROLE_HELP: Record<Role, string> = {
  admin: "everything, including members, API keys and WhatsApp settings",
  marketer: "segments, tags, attributes, imports and exports",
  manager: "campaign reports; reads everything else",
  analyst: "chat profiles and reports; reads everything else",
};

export function MembersView({ workspaceId, canEdit, role }: { workspaceId: string; canEdit: boolean; role: Role }) {
  const trpc = useTRPC();
  const members = useQuery(trpc.members.list.queryOptions({ workspaceId }));
  // A new account's temporary password lives in memory only, until the admin dismisses it.
  const [invited, setInvited] = useState<Invited | null>(null);

  return (
    <div className={styles.stack}>
      {canEdit ? (
        <section className={styles.panel} aria-labelledby="invite-title">
          <div className={styles.panelHeader}>
            <div>
              <h2 id="invite-title">Invite a member</h2>
              <p>Someone who already has a ChatLens account is added at once; a new email gets an account with a temporary password.</p>
            </div>
          </div>
          <div className={styles.stack}>
            <InviteForm workspaceId={workspaceId} onInvited={setInvited} />
            {invited ? <TemporaryPassword invited={invited} onDone={() => setInvited(null)} /> : null}
          </div>
        </section>
      ) : null}
      <section className={styles.panel} aria-labelledby="members-title">
        <div className={styles.panelHeader}>
          <div>
            <h2 id="members-title">Members</h2>
            <p>Everyone who can sign in to this workspace, and what their role lets them do.</p>
          </div>
        </div>
        <div className={styles.stack}>
          {!canEdit ? (
            <p className={styles.note}>
              Only admins invite members, change roles or remove someone. Your role here is {role}; ask an admin if your team
              needs a change.
            </p>
          ) : null}
          {members.isPending ? (
            <TableSkeleton label="Loading the members…" columns={["Name", "Email", "Role", "Since"]} />
          ) : members.isError ? (
            <ErrorState what="The members" error={members.error} onRetry={() => void members.refetch()} retrying={members.isFetching} />
          ) : (
            <MembersTable workspaceId={workspaceId} members={members.data} canEdit={canEdit} />
          )}
          <ul className={styles.hint} style={{ margin: 0, paddingLeft: 18 }}>
            {Object.entries(ROLE_HELP).map(([r, help]) => (
              <li key={r}>
                <strong>{r[0].toUpperCase() + r.slice(1)}</strong>: {help}.
              </li>
            ))}
          </ul>
        </div>
      </section>
    </div>
  );
}
