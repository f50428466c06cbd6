"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { FieldError, fieldAria } from "@/components/forms/field-error";
import { useSchemaForm, useServerFieldErrors } from "@/components/forms/schema-form";
import { describeError } from "@/components/trpc-error";
import { Select } from "@/components/ui/select";
import { useTRPC } from "@/components/trpc";
import { ROLES, type Role } from "@/server/auth/roles";
import { inviteInput } from "@/server/schemas/members";
import styles from "../manage.module.css";
import { refreshQueries } from "@/components/refresh-queries";

export interface Invited {
  email: string;
  role: Role;
  created: boolean;
  temporaryPassword: string | null;
}

export function InviteForm({ workspaceId, onInvited }: { workspaceId: string; onInvited: (invited: Invited) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useSchemaForm(inviteInput, { defaultValues: { email: "", name: "", role: "analyst" } });
  const errors = form.formState.errors;
  const ids = { email: useId(), emailError: useId(), name: useId(), nameError: useId(), roleError: useId() };
  const invite = useMutation(
    trpc.members.invite.mutationOptions({
      onSuccess: (result, input) => {
        onInvited({ email: result.email, role: input.role, created: result.created, temporaryPassword: result.temporaryPassword });
        form.reset({ email: "", name: "", role: input.role });
        void refreshQueries(queryClient, { queryKey: trpc.members.list.queryKey({ workspaceId }) });
      },
    }),
  );

  // The server's refusal of a field lands on that field; anything else shows as the form's error below.
  const onField = useServerFieldErrors(form, invite.error, ["email", "name", "role"]);
  const submit = form.handleSubmit(({ email, role, name }) => invite.mutate({ workspaceId, email, role, ...(name ? { name } : {}) }));

  return (
    <form className={styles.form} data-compact onSubmit={submit} aria-label="Invite a member" noValidate>
      <div className={styles.formRow}>
        <div className={styles.field}>
          <label htmlFor={ids.email}>Email</label>
          <input
            id={ids.email}
            type="email"
            className={styles.input}
            {...form.register("email")}
            placeholder="name@company.com"
            autoComplete="off"
            {...fieldAria(errors.email, ids.emailError)}
          />
          <FieldError id={ids.emailError} error={errors.email} className={styles.fieldError} />
        </div>
        <div className={styles.field}>
          <label htmlFor={ids.name}>Name (for a new account)</label>
          <input id={ids.name} className={styles.input} {...form.register("name")} maxLength={100} autoComplete="off" {...fieldAria(errors.name, ids.nameError)} />
          <FieldError id={ids.nameError} error={errors.name} className={styles.fieldError} />
        </div>
        <div className={styles.field} style={{ flex: "0 1 160px" }}>
          <Select label="Role" {...form.register("role")} {...fieldAria(errors.role, ids.roleError)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r[0].toUpperCase() + r.slice(1)}
              </option>
            ))}
          </Select>
          <FieldError id={ids.roleError} error={errors.role} className={styles.fieldError} />
        </div>
        <button type="submit" className="btn btn-primary" disabled={invite.isPending}>
          {invite.isPending ? "Inviting…" : "Invite"}
        </button>
      </div>
      {invite.isError && !onField ? (
        <div role="alert" className="alert">
          <strong>The member was not invited.</strong>
          {describeError(invite.error)}
        </div>
      ) : null}
    </form>
  );
}
