"use client";

import { useQuery } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import type { inferRouterOutputs } from "@trpc/server";
import { IntentLink } from "@/components/ui/intent-link";
import shell from "@/components/shell/shell.module.css";
import { useTRPC } from "@/components/trpc";
import { ErrorState } from "@/components/ui/query-state";
import { useWorkspaceZone } from "@/components/workspace-zone";
import { formatDateTime } from "@/components/ui/format";
import type { AppRouter } from "@/server/routers/_app";
import { AttributesPanel } from "./attributes-panel";
import { BasicParameters } from "./basic-parameters";
import { CampaignsPanel } from "./campaigns-panel";
import { STATUS_HINT, STATUS_LABEL } from "./format";
import { JourneyPanel } from "./journey-panel";
import { ContactNotFound } from "./profile-states";
import { ProfileSkeleton } from "./profile-skeleton";
import { TagsPanel } from "./tags-panel";
import { SectionIndex } from "@/components/ui/section-index";
import edit from "./profile-edit.module.css";
import styles from "./profile.module.css";

export type ProfileOverview = inferRouterOutputs<AppRouter>["profile"]["overview"];

const STATUS_COLOR: Record<string, string> = {
  active: "var(--status-active)",
  requesting: "var(--status-requesting)",
  intervened: "var(--status-intervened)",
  closed: "var(--status-closed)",
  history: "var(--status-history)",
};

function initials(name: string, contact: string) {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return contact.slice(-2);
  return (words[0][0] + (words.length > 1 ? words[words.length - 1][0] : "")).toUpperCase();
}

export function ProfileView({ workspaceId, contact, contactsHref }: { workspaceId: string; contact: string; contactsHref: string }) {
  const trpc = useTRPC();
  const overview = useQuery(trpc.profile.overview.queryOptions({ workspaceId, contact }));
  const back = (
    <IntentLink href={contactsHref} className={styles.back}>
      ← Contacts
    </IntentLink>
  );

  if (overview.isPending) {
    return (
      <div className={shell.page}>
        {back}
        <ProfileSkeleton />
      </div>
    );
  }
  if (overview.isError) {
    const notFound = overview.error instanceof TRPCClientError && overview.error.data?.code === "NOT_FOUND";
    return (
      <div className={shell.page}>
        {back}
        {notFound ? (
          <ContactNotFound contact={contact} contactsHref={contactsHref} />
        ) : (
          <ErrorState what="This chat profile" error={overview.error} onRetry={() => void overview.refetch()} retrying={overview.isFetching} />
        )}
      </div>
    );
  }

  const p = overview.data;
  return (
    <div className={shell.page}>
      {back}
      <header className={styles.header}>
        <div className={styles.identity}>
          <span className={styles.avatar} aria-hidden="true">
            {initials(p.name, p.contact)}
          </span>
          <div>
            <h1>{p.name || p.contact}</h1>
            <p className={styles.phone}>{p.contact}</p>
          </div>
        </div>
        <div className={styles.statusRow} aria-label="Chat status">
          <StatusPill status={p.status} />
          {p.inHistory ? <StatusPill status="history" /> : null}
          {p.optedOut ? <OptedOutPill since={p.optedOutAt} /> : null}
        </div>
      </header>
      <SectionIndex
        sections={[
          { headingId: "params-title", label: "Basic parameters" },
          { headingId: "campaigns-title", label: "Campaigns" },
          { headingId: "tags-title", label: "Tags" },
          { headingId: "attributes-title", label: "Attributes" },
          { headingId: "journey-title", label: "Journey" },
        ]}
      />
      <BasicParameters profile={p} />
      <div className={styles.layout}>
        <div className={styles.column}>
          <CampaignsPanel workspaceId={workspaceId} contact={contact} campaigns={p.campaigns} />
        </div>
        <div className={styles.column}>
          {p.canAct ? null : (
            <p className={edit.readOnly} role="note">
              <svg width="16" height="16" viewBox="0 0 24 24" fill="none" aria-hidden="true">
                <path
                  d="M7 11V8a5 5 0 0 1 10 0v3M6 11h12a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1v-7a1 1 0 0 1 1-1Z"
                  stroke="currentColor"
                  strokeWidth="1.8"
                  strokeLinecap="round"
                />
              </svg>
              <span>
                Read-only for your role ({p.role}). Admins and marketers can add or remove manual tags and set attributes here.
              </span>
            </p>
          )}
          <TagsPanel workspaceId={workspaceId} contact={contact} tags={p.tags} canAct={p.canAct} />
          <AttributesPanel workspaceId={workspaceId} contact={contact} attributes={p.attributes} canAct={p.canAct} />
        </div>
      </div>
      <JourneyPanel workspaceId={workspaceId} contact={contact} contactName={p.name} eventCounts={p.eventCounts} />
    </div>
  );
}

/** Opted out of marketing: campaigns should not go to this person (the journey says why). */
function OptedOutPill({ since }: { since: string | null }) {
  const zone = useWorkspaceZone();
  return (
    <span
      className={styles.status}
      style={{ ["--dot" as string]: "var(--danger, #d92d20)" }}
      title={`Opted out of marketing${since ? ` on ${formatDateTime(since, zone)}` : ""}: leave this person out of campaigns. The journey shows why.`}
      data-testid="opted-out-pill"
    >
      Opted out of marketing
    </span>
  );
}

function StatusPill({ status }: { status: string }) {
  return (
    <span
      className={styles.status}
      style={{ ["--dot" as string]: STATUS_COLOR[status] }}
      title={STATUS_HINT[status]}
      data-testid={status === "history" ? "history-pill" : "status-pill"}
    >
      {STATUS_LABEL[status] ?? status}
    </span>
  );
}
