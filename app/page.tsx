import { IntentLink } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { BrandMark } from "@/components/shell/brand";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { currentSession } from "@/server/auth/session";
import { passwordPage } from "@/components/auth/callback-url";
import { api } from "@/server/trpc/server";

export default async function Home() {
  const session = await currentSession();
  if (!session) redirect("/signin");
  if (session.user.mustChangePassword) redirect(passwordPage("/"));

  const workspaces = await api.workspaces.mine();
  const first = workspaces[0];
  if (first) redirect(`/w/${encodeURIComponent(first.workspaceId)}/overview`);

  return (
    <main className="center-page">
      <div className="center-card">
        <BrandMark />
        <h1 style={{ marginTop: 16 }}>You’re not in a workspace yet</h1>
        <p>
          You are signed in as <strong>{session.user.email ?? session.user.name}</strong>, but no workspace has added
          you as a member. Ask an admin of your business’s ChatLens workspace to add this email address, then come
          back here, or start a workspace of your own.
        </p>
        <div className="actions">
          <IntentLink href="/workspaces/new" className="btn btn-primary">
            Create a workspace
          </IntentLink>
          <SignOutButton className="btn" />
        </div>
      </div>
    </main>
  );
}
