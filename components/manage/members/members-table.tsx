"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useSession } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { describeError } from "@/components/trpc-error";
import { useTRPC } from "@/components/trpc";
import { ROLES, type Role } from "@/server/auth/roles";
import type { AppRouter } from "@/server/routers/_app";
import { RelativeTime } from "@/components/ui/relative-time";
import { ClientTable } from "@/components/ui/table/client-table";
import { actionsColumn, DetailToggle } from "@/components/ui/table/actions-column";
import { createDataColumnHelper, type DataColumns } from "@/components/ui/table/features";
import { Select } from "@/components/ui/select";
import styles from "../manage.module.css";
import catalogue from "../catalogue.module.css";
import { refreshQueries } from "@/components/refresh-queries";

type Member = inferRouterOutputs<AppRouter>["members"]["list"][number];

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function MembersTable({ workspaceId, members, canEdit }: { workspaceId: string; members: Member[]; canEdit: boolean }) {
  const me = useSession().data?.user?.id;
  const [removing, setRemoving] = useState<string | null>(null);
  const columns: DataColumns<Member> = [
    column.accessor((m) => m.name || m.email, {
      id: "name",
      header: "Name",
      meta: { rowHeader: true },
      cell: ({ row }) => (
        <>
          {row.original.name || row.original.email}
          {row.original.userId === me ? <span className={catalogue.you}>(you)</span> : null}
        </>
      ),
    }),
    column.accessor("email", { header: "Email", meta: { truncate: true } }),
    column.accessor("role", {
      header: "Role",
      cell: ({ row }) => (
        <span className={styles.nowrap}>{canEdit ? <RoleSelect workspaceId={workspaceId} member={row.original} /> : capitalised(row.original.role)}</span>
      ),
    }),
    column.accessor("since", { header: "Member since", cell: ({ row }) => <RelativeTime value={row.original.since} /> }),
  ];
  if (canEdit) {
    columns.push(
      actionsColumn((row) => (
        <div className={catalogue.rowActions}>
          <DetailToggle label={`Remove ${row.email}`} open={removing === row.userId} onToggle={() => setRemoving(removing === row.userId ? null : row.userId)}>
            {row.userId === me ? "Leave" : "Remove"}
          </DetailToggle>
        </div>
      )),
    );
  }
  return (
    <ClientTable
      caption="Members of this workspace"
      columns={columns}
      data={members}
      getRowId={(m) => m.userId}
      pageSize={50}
      noun="members"
      renderDetail={(m) =>
        removing === m.userId ? <RemoveConfirm workspaceId={workspaceId} member={m} isMe={m.userId === me} onClose={() => setRemoving(null)} /> : null
      }
    />
  );
}

const column = createDataColumnHelper<Member>();

function RoleSelect({ workspaceId, member }: { workspaceId: string; member: Member }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const change = useMutation(
    trpc.members.changeRole.mutationOptions({
      // The page is rendered for the viewer's role: an admin who stepped down gets the read-only view.
      onSuccess: () => router.refresh(),
      onSettled: () => refreshQueries(queryClient, { queryKey: trpc.members.list.queryKey({ workspaceId }) }),
    }),
  );
  return (
    <div className={catalogue.roleCell}>
      <Select
        label={`Role of ${member.email}`}
        hideLabel
        value={change.isPending ? (change.variables?.role ?? member.role) : member.role}
        disabled={change.isPending}
        onChange={(e) => change.mutate({ workspaceId, userId: member.userId, role: e.target.value as Role })}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {capitalised(r)}
          </option>
        ))}
      </Select>
      {change.isError ? (
        <span role="alert" className={styles.fieldError} style={{ whiteSpace: "normal", maxWidth: 320 }}>
          {describeError(change.error)}
        </span>
      ) : null}
    </div>
  );
}

function RemoveConfirm({ workspaceId, member, isMe, onClose }: { workspaceId: string; member: Member; isMe: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const confirmButton = useRef<HTMLButtonElement>(null);
  const remove = useMutation(
    trpc.members.remove.mutationOptions({
      onSuccess: async () => {
        // Someone who left this workspace cannot see it any more: go to the first one they still have.
        if (isMe) return router.push("/");
        await refreshQueries(queryClient, { queryKey: trpc.members.list.queryKey({ workspaceId }) });
        onClose();
      },
    }),
  );
  useEffect(() => confirmButton.current?.focus(), []);
  const who = member.name || member.email;
  return (
    <div className={styles.stack} style={{ gap: 10 }}>
      <div className={styles.confirm} role="group" aria-label={`Remove ${member.email}`}>
        <p>
          <strong>{isMe ? "Leave this workspace?" : `Remove ${who}?`}</strong>{" "}
          {isMe
            ? "You lose access at once; an admin can invite you again."
            : "They lose access to this workspace at once. Their account and anything they did here stay."}
        </p>
        <div className={styles.actions}>
          <button
            ref={confirmButton}
            type="button"
            className={`btn btn-small ${styles.btnDanger}`}
            disabled={remove.isPending}
            onClick={() => remove.mutate({ workspaceId, userId: member.userId })}
          >
            {remove.isPending ? "Removing…" : isMe ? "Leave workspace" : "Remove member"}
          </button>
          <button type="button" className="btn btn-small" onClick={onClose} disabled={remove.isPending}>
            Cancel
          </button>
        </div>
      </div>
      {remove.isError ? (
        <div role="alert" className="alert">
          <strong>{isMe ? "You did not leave." : "The member was not removed."}</strong>
          {describeError(remove.error)}
        </div>
      ) : null}
    </div>
  );
}
