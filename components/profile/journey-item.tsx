import type { inferRouterOutputs } from "@trpc/server";
import type { ReactNode } from "react";
import type { AppRouter } from "@/server/routers/_app";
import { useWorkspaceZone } from "@/components/workspace-zone";
import { dayOf, formatClock, formatDateTime, formatExact, formatMoney, parseStoreTime } from "@/components/ui/format";
import { actorLabel, actorRole, ORIGIN_LABEL } from "./format";
import { furthestTick, groupOfType } from "./journey-groups";
import { Ticks } from "./ticks";
import styles from "./journey.module.css";

export type JourneyEvent = inferRouterOutputs<AppRouter>["profile"]["journey"]["events"][number];

const STATUS_WORD: Record<string, string> = { sent: "Sent", delivered: "Delivered", read: "Read", failed: "Failed" };

function failure(e: JourneyEvent) {
  return (
    <span className={styles.failure}>
      {e.error?.title || "No reason given"}
      {e.error?.code ? ` (WhatsApp error ${e.error.code})` : ""}
    </span>
  );
}

/**
 * A message's ticks on its own row: "✓✓ sent 10:00:00 · delivered 10:01:02 · read 10:05:40",
 * each time exact on hover; a tick on another day than the message names its day.
 */
function TickLine({ message, ticks }: { message: JourneyEvent; ticks: JourneyEvent[] }) {
  const zone = useWorkspaceZone();
  const tick = furthestTick(ticks);
  const day = dayOf(message.ts, zone);
  return (
    <p className={styles.ticks} data-testid="journey-ticks" data-tick={tick ?? undefined}>
      {tick ? (
        <span className={styles.tickMark}>
          <Ticks tick={tick} />
        </span>
      ) : null}
      {ticks.map((t, i) => {
        const date = parseStoreTime(t.ts);
        return (
          <span key={t.eventId} className={styles.tickStep} data-status={t.status} data-event-id={t.eventId}>
            {i > 0 ? " · " : ""}
            {(STATUS_WORD[t.status] ?? t.status).toLowerCase()}{" "}
            <time dateTime={date.toISOString()} title={formatExact(date, zone)}>
              {dayOf(t.ts, zone) === day ? formatClock(t.ts, zone) : formatDateTime(date.toISOString(), zone)}
            </time>
            {t.status === "failed" ? <> — {failure(t)}</> : null}
          </span>
        );
      })}
    </p>
  );
}

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
        detail: e.error ? failure(e) : undefined,
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
    case "conversion":
      // rows.ts keeps a conversion's currency in `status` and its order id in `wamid` (messageId).
      return {
        title: `Converted: ${e.name}`,
        detail: (
          <span className={styles.context}>
            {[e.value ? formatMoney(Number(e.value), e.status || null) : "no value", e.messageId && `order ${e.messageId}`].filter(Boolean).join(" · ")}
          </span>
        ),
      };
    case "contact.opted_out":
    case "contact.opted_in": {
      const out = e.type === "contact.opted_out";
      const why =
        e.value === "keyword"
          ? `replied “${e.text}”, ${out ? "an opt-out" : "an opt-in"} keyword`
          : e.value === "error_131050"
            ? `WhatsApp refused ${campaign ? `“${campaign}”` : "a message"}: the person stopped marketing messages (error 131050)`
            : "reported through the API";
      return { title: out ? "Opted out of marketing" : "Opted back in to marketing", detail: <span className={styles.context}>{why}</span> };
    }
    default:
      return { title: e.type };
  }
}

/** One row of the journey; an outbound message carries its statuses (`ticks`, oldest first, from foldTicks) inline. */
export function JourneyItem({
  event: e,
  ticks = [],
  contactName,
  reopens,
}: {
  event: JourneyEvent;
  ticks?: JourneyEvent[];
  contactName: string;
  reopens: boolean;
}) {
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
        {ticks.length > 0 ? <TickLine message={e} ticks={ticks} /> : null}
        <p className={styles.actor}>
          {who}
          {role ? ` · ${role}` : ""}
          {showId ? ` · ${e.actor.id}` : ""}
        </p>
      </div>
    </li>
  );
}
