"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { describeError } from "@/components/trpc-error";
import { useTRPC } from "@/components/trpc";
import { ROLES, type Role } from "@/server/auth/roles";
import styles from "../manage.module.css";

export interface Invited {
  email: string;
  role: Role;
  created: boolean;
  temporaryPassword: string | null;
}

export function InviteForm({ workspaceId, onInvited }: { workspaceId: string; onInvited: (invited: Invited) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("analyst");
  const [problem, setProblem] = useState<string | null>(null);
  const ids = { email: useId(), name: useId(), role: useId(), error: useId() };
  const invite = useMutation(
    trpc.members.invite.mutationOptions({
      onSuccess: (result, input) => {
        onInvited({ email: result.email, role: input.role, created: result.created, temporaryPassword: result.temporaryPassword });
        setEmail("");
        setName("");
        void queryClient.invalidateQueries({ queryKey: trpc.members.list.queryKey({ workspaceId }) });
      },
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) {
      setProblem("Enter the email address the person signs in with, like name@company.com.");
      return;
    }
    setProblem(null);
    invite.mutate({ workspaceId, email: email.trim(), role, ...(name.trim() ? { name: name.trim() } : {}) });
  }

  return (
    <form className={styles.form} data-compact onSubmit={submit} aria-label="Invite a member" noValidate>
      <div className={styles.formRow}>
        <div className={styles.field}>
          <label htmlFor={ids.email}>Email</label>
          <input
            id={ids.email}
            type="email"
            className={styles.input}
            value={email}
            onChange={(e) => {
              setEmail(e.target.value);
              setProblem(null);
            }}
            placeholder="name@company.com"
            autoComplete="off"
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? ids.error : undefined}
          />
        </div>
        <div className={styles.field}>
          <label htmlFor={ids.name}>Name (for a new account)</label>
          <input id={ids.name} className={styles.input} value={name} onChange={(e) => setName(e.target.value)} maxLength={100} autoComplete="off" />
        </div>
        <div className={styles.field} style={{ flex: "0 1 160px" }}>
          <label htmlFor={ids.role}>Role</label>
          <select id={ids.role} className={styles.select} value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r[0].toUpperCase() + r.slice(1)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn btn-primary" disabled={invite.isPending}>
          {invite.isPending ? "Inviting…" : "Invite"}
        </button>
      </div>
      {problem ? (
        <span id={ids.error} className={styles.fieldError}>
          {problem}
        </span>
      ) : null}
      {invite.isError ? (
        <div role="alert" className="alert">
          <strong>The member was not invited.</strong>
          {describeError(invite.error)}
        </div>
      ) : null}
    </form>
  );
}
