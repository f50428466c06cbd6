"use client";

import { formatDuration, formatNumber, formatShare } from "@/components/ui/format";
import { previousRange } from "@/clickhouse/vocabulary/dates";
import { Delta } from "@/components/ui/delta";
import { KpiCard, KpiRow } from "@/components/ui/kpi-card";
import { useBacklog, useInterveneSpeed, useSpeed, useVolume, type ReportOutputs, type ReportRange } from "./use-report";

/** Requests for a human as a share of conversations, or null without conversations. */
function shareOf(days: ReportOutputs["volume"]["days"]): number | null {
  const conversations = days.reduce((n, d) => n + d.conversations, 0);
  return conversations ? days.reduce((n, d) => n + d.escalated, 0) / conversations : null;
}

/** The four figures a manager reads first, the range-bound ones beside the period of the same length before. */
export function Headline({ range, enabled }: { range: ReportRange; enabled: boolean }) {
  const volume = useVolume(range, enabled);
  const speed = useSpeed(range, enabled);
  const before = previousRange(range);
  const earlier = { workspaceId: range.workspaceId, from: before?.from ?? range.from, to: before?.to ?? range.to };
  const previousVolume = useVolume(earlier, enabled && before !== null);
  const previousSpeed = useInterveneSpeed(earlier, enabled && before !== null);
  const previousDays = before && !previousVolume.isPlaceholderData ? previousVolume.data?.days : undefined;
  const previousRequests = previousDays?.reduce((n, d) => n + d.requests, 0) ?? null;
  const previousShare = previousDays ? shareOf(previousDays) : null;
  const previousMedian = before && !previousSpeed.isPlaceholderData ? (previousSpeed.data?.intervene.medianMs ?? null) : null;
  const backlog = useBacklog(range.workspaceId);
  const days = volume.data?.days;
  const requests = days?.reduce((n, d) => n + d.requests, 0) ?? null;
  const conversations = days?.reduce((n, d) => n + d.conversations, 0) ?? 0;
  const escalated = days?.reduce((n, d) => n + d.escalated, 0) ?? 0;
  const waiting = backlog.data?.waitingCount ?? null;
  const median = speed.data ? speed.data.intervene.medianMs : undefined;
  return (
    <KpiRow label="Key figures">
      <KpiCard
        testId="stat-requests"
        label="Requests for a human"
        value={requests}
        delta={before ? <Delta current={requests} previous={previousRequests} range={before} better="down" /> : null}
        hint="Each time a user asked for an agent, in this range"
      />
      <KpiCard
        testId="stat-share"
        label="Share of conversations"
        value={days ? formatShare(escalated, conversations) : null}
        raw={days ? shareOf(days) : null}
        delta={before ? <Delta current={days ? shareOf(days) : null} previous={previousShare} range={before} kind="rate" better="down" /> : null}
        hint={
          days
            ? `${formatNumber(escalated)} of ${formatNumber(conversations)} conversations asked for a human`
            : "A conversation is one contact writing on one day"
        }
      />
      <KpiCard
        testId="stat-waiting"
        label="Waiting for an agent now"
        value={waiting}
        tone={waiting ? "attention" : undefined}
        // "Nobody" only once the backlog says so, not while it loads.
        hint={waiting === 0 ? "Nobody is waiting for an agent" : "Asked for a human, nobody has taken the chat"}
      />
      <KpiCard
        testId="stat-intervene"
        label="Median time to intervene"
        value={median === undefined ? null : formatDuration(median)}
        raw={median}
        delta={before ? <Delta current={median ?? null} previous={previousMedian} range={before} better="down" /> : null}
        hint={speed.data ? `p90 ${formatDuration(speed.data.intervene.p90Ms)} · ${formatNumber(speed.data.intervene.measured)} chats taken` : "From the request to an agent taking the chat"}
      />
    </KpiRow>
  );
}
