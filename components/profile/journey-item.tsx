import type { inferRouterOutputs } from "@trpc/server";
import type { ReactNode } from "react";
import type { AppRouter } from "@/server/routers/_app";
import { useWorkspaceZone } from "@/components/workspace-zone";
import { actorLabel, actorRole, formatClock, formatExact, ORIGIN_LABEL, parseStoreTime } from "./format";
import { groupOfType } from "./journey-groups";
import styles from "./journey.module.css";

export type JourneyEvent = inferRouterOutputs<AppRouter>["profile"]["journey"]["events"][number];

const STATUS_WORD: Record<string, string> = { sent: "Sent", delivered: "Delivered", read: "Read", failed: "Failed" };

function quoted(text: string) {
  return text ? <q className={styles.quote}>{text}</q> : null;
}

/** What happened, in a sentence, and the detail under it. */
function describe(e: JourneyEvent, who: string): { title: ReactNode; detail?: ReactNode; statusChange?: string } {
  const campaign = e.campaignName || e.campaignId;
  switch (e.type) {
    case "message.inbound":
      return {
        title: e.messageKind && e.messageKind !== "text" ? `${who} sent a ${e.messageKind} message` : `${who} wrote`,
        detail: (
          <>
            {quoted(e.text)}
            {campaign ? <span className={styles.context}> · reply to campaign {campaign}</span> : null}
            {e.sourceDetail ? <span className={styles.context}> · came from {e.sourceDetail}</span> : null}
          </>
        ),
      };
    case "message.outbound":
      return e.messageKind === "template"
        ? {
            title: campaign ? `Campaign “${campaign}” sent` : "Template message sent",
            detail: e.text ? <span className={styles.context}>template {e.text}</span> : undefined,
          }
        : { title: `${who} replied`, detail: quoted(e.text) };
    case "message.status": {
      const what = campaign ? `“${campaign}”` : "A message";
      return {
        title: `${what}: ${STATUS_WORD[e.status] ?? e.status}`,
        detail: e.error ? (
          <span className={styles.failure}>
            {e.error.title || "No reason given"}
            {e.error.code ? ` (WhatsApp error ${e.error.code})` : ""}
          </span>
        ) : undefined,
      };
    }
    case "intervention.requested":
      return { title: `${who} asked for a human`, detail: quoted(e.text), statusChange: "requesting" };
    case "agent.intervened":
      return { title: `${who} took the chat`, statusChange: "intervened" };
    case "chat.resolved":
      return { title: `${who} resolved the chat`, statusChange: "closed" };
    case "tag.added":
    case "tag.removed": {
      const verb = e.type === "tag.added" ? "added" : "removed";
      const how = e.tagKind === "manual" ? "manual" : `automated, ${ORIGIN_LABEL[e.tagOrigin] ?? e.tagOrigin}`;
      return { title: `${who} ${verb} the tag “${e.tagLabel || e.tag}”`, detail: <span className={styles.context}>{how}</span> };
    }
    case "attribute.set":
      return e.value
        ? { title: `${who} set ${e.attributeLabel || e.attribute}`, detail: <span className={styles.value}>{e.value}</span> }
        : { title: `${who} cleared ${e.attributeLabel || e.attribute}` };
    case "contact.created":
    case "contact.imported":
      return {
        title: e.type === "contact.imported" ? `Imported by ${who}` : `Contact created by ${who}`,
        detail: (
          <span className={styles.context}>
            {[e.name, e.source && `source ${e.source}`, e.sourceDetail].filter(Boolean).join(" · ")}
          </span>
        ),
      };
    default:
      return { title: e.type };
  }
}

export function JourneyItem({ event: e, contactName, reopens }: { event: JourneyEvent; contactName: string; reopens: boolean }) {
  const who = actorLabel(e.actor, contactName);
  const described = describe(e, who);
  const { title, detail } = described;
  const statusChange = described.statusChange ?? (reopens ? "active" : undefined);
  const role = actorRole(e.actor);
  // Which agent or integration exactly; a member's id is a user id nobody reads, a bot's adds nothing.
  const showId = e.actor.id && (e.actor.kind === "agent" || e.actor.kind === "api");
  const date = parseStoreTime(e.ts);
  const zone = useWorkspaceZone();
  return (
    <li className={styles.item} data-group={groupOfType(e.type)} data-testid="journey-event" data-type={e.type} data-event-id={e.eventId}>
      <time className={styles.time} dateTime={date.toISOString()} title={formatExact(date, zone)}>
        {formatClock(e.ts, zone)}
      </time>
      <span className={styles.dot} aria-hidden="true" />
      <div className={styles.body}>
        <p className={styles.title}>
          {title}
          {statusChange ? <span className={styles.change}>→ {statusChange}</span> : null}
        </p>
        {detail ? <p className={styles.detail}>{detail}</p> : null}
        <p className={styles.actor}>
          {who}
          {role ? ` · ${role}` : ""}
          {showId ? ` · ${e.actor.id}` : ""}
        </p>
      </div>
    </li>
  );
}
