import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { passwordPage } from "@/components/auth/callback-url";
import styles from "@/components/auth/sign-in-form.module.css";
import { NewWorkspaceForm } from "@/components/workspaces/new-workspace-form";
import { currentSession } from "@/server/auth/session";
import { api } from "@/server/trpc/server";

export const metadata: Metadata = { title: "New workspace" };

export default async function NewWorkspacePage() {
  const session = await currentSession();
  if (!session) redirect(`/signin?${new URLSearchParams({ callbackUrl: "/workspaces/new" })}`);
  if (session.user.mustChangePassword) redirect(passwordPage("/workspaces/new"));
  const [zones, mine] = await Promise.all([api.workspaces.timeZones(), api.workspaces.mine()]);

  return (
    <AuthCard
      title="New workspace"
      lede="A workspace holds one business's contacts, campaigns and reports. You will be its admin and can invite your team from Manage → Members."
    >
      <NewWorkspaceForm zones={zones} />
      {mine.length ? (
        <p className={styles.secondary}>
          <IntentLink href="/">Back to your workspaces</IntentLink>
        </p>
      ) : null}
    </AuthCard>
  );
}
