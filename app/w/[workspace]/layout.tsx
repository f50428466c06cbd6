import { TRPCError } from "@trpc/server";
import { IntentLink } from "@/components/ui/intent-link";
import { notFound, redirect } from "next/navigation";
import type { ReactNode } from "react";
import { BrandMark } from "@/components/shell/brand";
import styles from "@/components/shell/shell.module.css";
import { SidebarNav } from "@/components/shell/sidebar-nav";
import { UserMenu } from "@/components/shell/user-menu";
import { WorkspaceSwitcher } from "@/components/shell/workspace-switcher";
import { WorkspaceZoneProvider } from "@/components/workspace-zone";
import { currentSession } from "@/server/auth/session";
import { passwordPage } from "@/components/auth/callback-url";
import { SignedIn } from "@/components/providers";
import { api, currentWorkspace } from "@/server/trpc/server";

/** The caller's role and the workspace's time zone. */
async function currentIn(workspaceId: string) {
  try {
    return await currentWorkspace(workspaceId);
  } catch (err) {
    // Not a member and no such workspace look the same, on purpose; a malformed id is just as absent.
    if (err instanceof TRPCError && (err.code === "NOT_FOUND" || err.code === "BAD_REQUEST")) notFound();
    throw err;
  }
}

export default async function WorkspaceLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ workspace: string }>;
}) {
  const { workspace } = await params;
  const session = await currentSession();
  if (!session) {
    // proxy.ts already sent cookie-less visitors to sign in with their exact path; this catches an expired session.
    redirect(`/signin?callbackUrl=${encodeURIComponent(`/w/${encodeURIComponent(workspace)}/overview`)}`);
  }
  // An invitation's temporary password is replaced before anything else (the procedures refuse until then).
  if (session.user.mustChangePassword) redirect(passwordPage(`/w/${encodeURIComponent(workspace)}/overview`));

  const [{ role, timeZone }, workspaces] = await Promise.all([currentIn(workspace), api.workspaces.mine()]);
  const home = `/w/${encodeURIComponent(workspace)}/overview`;

  return (
    <SignedIn session={session}>
      <div className={styles.shell}>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <div className={styles.sidebar}>
          <IntentLink href={home} className={styles.brand}>
            <BrandMark />
            <span>ChatLens</span>
          </IntentLink>
          <WorkspaceSwitcher
            current={workspace}
            workspaces={workspaces.map((w) => ({ workspaceId: w.workspaceId, name: w.name }))}
          />
          <SidebarNav workspaceId={workspace} />
          <UserMenu name={session.user.name} email={session.user.email} role={role} home={home} />
        </div>
        <main id="main" className={styles.main} tabIndex={-1}>
          {/* Every page of the workspace shows its days and times in the workspace's zone. */}
          <WorkspaceZoneProvider timeZone={timeZone}>{children}</WorkspaceZoneProvider>
        </main>
      </div>
    </SignedIn>
  );
}
