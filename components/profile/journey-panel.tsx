"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useId } from "react";
import { FieldError, fieldAria } from "@/components/forms/field-error";
import { useSchemaForm } from "@/components/forms/schema-form";
import { journeyJumpForm } from "@/server/schemas/profile";
import { dayOf, formatCalendarDay, formatDayHeading, formatExact, formatNumber } from "@/components/ui/format";
import { ErrorState } from "@/components/ui/query-state";
import { useTRPC } from "@/components/trpc";
import { useWorkspaceZone } from "@/components/workspace-zone";
import { foldTicks, JOURNEY_GROUPS, readAt, type JourneyGroupKey, type JourneyRowOf } from "./journey-groups";
import { JourneyItem, type JourneyEvent } from "./journey-item";
import { JOURNEY_PAGES, journeyInput, selectedGroups, useJourneyParams } from "./search-params";
import { useLandOnMoment } from "./use-land-on-moment";
import { Panel } from "@/components/ui/panel";
import styles from "./journey.module.css";


/**
 * The customer journey, newest first, paged with cursors: "Load older events"
 * at the bottom, and after a jump to a date (?at=2026-10-01, a link other
 * reports use for "the profile at that moment") "Show newer events" on top.
 * The filter (?types=tags,attributes) and the date live in the URL.
 */
export function JourneyPanel({
  workspaceId,
  contact,
  contactName,
  eventCounts,
}: {
  workspaceId: string;
  contact: string;
  contactName: string;
  eventCounts: Record<string, number>;
}) {
  const [params, setParams] = useJourneyParams();
  const zone = useWorkspaceZone();
  const input = journeyInput(workspaceId, contact, params);
  const groups = selectedGroups(params);
  const { at, problem } = readAt(params.at);
  const trpc = useTRPC();
  const journey = useInfiniteQuery(trpc.profile.journey.infiniteQueryOptions(input, JOURNEY_PAGES));

  useLandOnMoment(at, !journey.isPending, "journey-title");

  function toggleGroup(key: JourneyGroupKey) {
    const nextGroups = groups.includes(key) ? groups.filter((g) => g !== key) : [...groups, key];
    void setParams({ types: nextGroups });
  }

  const total = Object.values(eventCounts).reduce((a, b) => a + b, 0);
  const countOf = (types: readonly string[]) => types.reduce((n, t) => n + (eventCounts[t] ?? 0), 0);
  // Pages can meet at an event (a jump, then newer pages): show each id once.
  const seen = new Set<string>();
  const pages = (journey.data?.pages ?? []).map((p) => p.events.filter((e) => !seen.has(e.eventId) && !!seen.add(e.eventId)));
  const events: JourneyEvent[] = pages.flat();
  // A message's statuses fold into its row, page by page (see foldTicks).
  const rows = pages.flatMap((p) => foldTicks(p));

  return (
    <Panel id="journey" title="Customer journey" description={<>{formatNumber(total)} events, newest first, with who did what. Times in {zone}.</>} actions={<JumpToDate key={at ?? "latest"} current={at} onJump={(day) => void setParams({ at: day || null })} />}>

      <div className={styles.filters} role="group" aria-label="Show only">
        <button type="button" className={styles.chip} aria-pressed={groups.length === 0} onClick={() => void setParams({ types: null })}>
          All <span>{formatNumber(total)}</span>
        </button>
        {JOURNEY_GROUPS.map((g) => (
          <button key={g.key} type="button" className={styles.chip} data-group={g.key} aria-pressed={groups.includes(g.key)} onClick={() => toggleGroup(g.key)}>
            {g.label} <span>{formatNumber(countOf(g.types))}</span>
          </button>
        ))}
      </div>

      {problem ? (
        <p role="alert" className={styles.note}>
          {problem}
        </p>
      ) : null}
      {at ? (
        <p className={styles.anchor} role="status">
          <span>
            Showing the journey up to <strong>{/^\d{4}-\d{2}-\d{2}$/.test(at) ? `the end of ${formatCalendarDay(at)}` : formatExact(new Date(at), zone)}</strong>.
          </span>
          <button type="button" className={styles.linkButton} onClick={() => void setParams({ at: null })}>
            Back to the latest
          </button>
        </p>
      ) : null}

      {journey.isPending ? (
        <JourneySkeleton />
      ) : journey.isError ? (
        <ErrorState what="The journey" error={journey.error} onRetry={() => void journey.refetch()} retrying={journey.isFetching} />
      ) : (
        <>
          {journey.hasPreviousPage ? (
            <button type="button" className={`btn btn-small ${styles.newer}`} onClick={() => void journey.fetchPreviousPage()} disabled={journey.isFetchingPreviousPage}>
              {journey.isFetchingPreviousPage ? "Loading…" : "Show newer events"}
            </button>
          ) : null}
          {events.length === 0 ? (
            <p className={styles.empty}>
              {at ? "Nothing happened in this chat up to that day." : groups.length ? "No events of these kinds." : "No events yet."}
            </p>
          ) : (
            <DayGroups events={events} rows={rows} contactName={contactName} />
          )}
          {journey.hasNextPage ? (
            <button type="button" className={`btn ${styles.more}`} onClick={() => void journey.fetchNextPage()} disabled={journey.isFetchingNextPage}>
              {journey.isFetchingNextPage ? "Loading…" : "Load older events"}
            </button>
          ) : events.length > 0 ? (
            <p className={styles.end}>The start of this chat.</p>
          ) : null}
        </>
      )}
    </Panel>
  );
}

/**
 * The user's first message after a resolve moves the chat back to active
 * (server/domain/chat-profile.ts). That change has no event of its own, so it
 * is marked on the message, when the resolve is among the loaded events.
 */
function reopeningMessages(newestFirst: JourneyEvent[]): Set<string> {
  const reopens = new Set<string>();
  let resolved = false;
  for (let i = newestFirst.length - 1; i >= 0; i--) {
    const e = newestFirst[i];
    if (e.type === "chat.resolved") resolved = true;
    else if (e.type === "intervention.requested" || e.type === "agent.intervened") resolved = false;
    else if (e.type === "message.inbound" && resolved) {
      reopens.add(e.eventId);
      resolved = false;
    }
  }
  return reopens;
}

function DayGroups({ events, rows, contactName }: { events: JourneyEvent[]; rows: Array<JourneyRowOf<JourneyEvent>>; contactName: string }) {
  const zone = useWorkspaceZone();
  const reopens = reopeningMessages(events);
  const days: Array<{ day: string; rows: Array<JourneyRowOf<JourneyEvent>> }> = [];
  for (const r of rows) {
    const day = dayOf(r.event.ts, zone);
    if (days.at(-1)?.day !== day) days.push({ day, rows: [] });
    days.at(-1)!.rows.push(r);
  }
  return (
    <div className={styles.days}>
      {days.map((d) => (
        <section key={d.day} aria-label={formatDayHeading(d.rows[0].event.ts, zone)}>
          <h3 className={styles.day}>{formatDayHeading(d.rows[0].event.ts, zone)}</h3>
          <ol className={styles.list}>
            {d.rows.map(({ event: e, ticks }) => (
              <JourneyItem key={e.eventId} event={e} ticks={ticks} contactName={contactName} reopens={reopens.has(e.eventId)} />
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}

/** A day to read the journey up to, checked as the journey's `at` is (server/schemas/profile.ts); empty goes back to the latest. */
function JumpToDate({ current, onJump }: { current?: string; onJump: (day: string | null) => void }) {
  const form = useSchemaForm(journeyJumpForm, { defaultValues: { day: current?.slice(0, 10) ?? "" } });
  const error = form.formState.errors.day;
  const ids = { day: useId(), error: useId() };
  return (
    <form className={styles.jump} onSubmit={form.handleSubmit(({ day }) => onJump(day ?? null))} aria-label="Jump to a date" noValidate>
      <label htmlFor={ids.day}>Jump to</label>
      <input id={ids.day} type="date" className={styles.dateInput} {...form.register("day")} {...fieldAria(error, ids.error)} />
      <button type="submit" className="btn btn-small">
        Go
      </button>
      <FieldError id={ids.error} error={error} className={styles.jumpError} />
    </form>
  );
}

function JourneySkeleton() {
  return (
    <div aria-busy="true" className={styles.days}>
      <p role="status" className="visually-hidden">
        Loading the journey…
      </p>
      {[0, 1, 2, 3, 4].map((i) => (
        <span key={i} className={styles.skeleton} style={{ height: 44 }} aria-hidden="true" />
      ))}
    </div>
  );
}
