import { Delta } from "@/components/ui/delta";
import { KpiCard, KpiRow } from "@/components/ui/kpi-card";
import { Panel } from "@/components/ui/panel";
import { formatNumber, formatShare } from "@/components/ui/format";
import styles from "./overview.module.css";

export interface Headline {
  totalContacts: number;
  openUnresolved: number;
  campaignsSent: number;
  campaignsTotal: number;
  inbound: number;
  outbound: number;
  /** The same range-bound figures over the period before the range. */
  previous: { range: { from: string; to: string }; messages: number; campaignsSent: number } | null;
  /** Opted out of marketing as the range ends, new in the range, and as the period before ended. */
  optedOut: { atEnd: number; newInRange: number; atPreviousEnd: number | null };
}

export function HeadlineStats({ workspaceId, h }: { workspaceId: string; h: Headline }) {
  const base = `/w/${encodeURIComponent(workspaceId)}`;
  return (
    <KpiRow label="Key figures">
      <KpiCard testId="stat-total" label="Total contacts" value={h.totalContacts} hint="Everyone who has chatted with you" />
      <KpiCard
        testId="stat-unresolved"
        label="Open unresolved queries"
        value={h.openUnresolved}
        tone={h.openUnresolved > 0 ? "attention" : undefined}
        hint={h.openUnresolved > 0 ? "Asked for a human, no agent yet — quiet chats included" : "Nobody is waiting for an agent"}
        link={h.openUnresolved > 0 ? { href: `${base}/unresolved`, label: "See who is waiting →" } : undefined}
      />
      <KpiCard
        testId="stat-campaigns"
        label="Campaigns sent"
        value={h.campaignsSent}
        delta={h.previous ? <Delta current={h.campaignsSent} previous={h.previous.campaignsSent} range={h.previous.range} /> : null}
        hint={`In this range · ${formatNumber(h.campaignsTotal)} in total`}
        link={{ href: `${base}/campaigns`, label: "Campaign read rates →" }}
      />
      <KpiCard
        testId="stat-messages"
        label="Messages"
        value={h.inbound + h.outbound}
        delta={h.previous ? <Delta current={h.inbound + h.outbound} previous={h.previous.messages} range={h.previous.range} /> : null}
        hint={`${formatNumber(h.inbound)} inbound · ${formatNumber(h.outbound)} outbound`}
      />
      <KpiCard
        testId="stat-opted-out"
        label="Opted out of marketing"
        value={h.optedOut.atEnd}
        delta={h.previous ? <Delta current={h.optedOut.atEnd} previous={h.optedOut.atPreviousEnd} range={h.previous.range} better="down" /> : null}
        hint={
          <>
            <span className={styles.share}>{formatShare(h.optedOut.atEnd, h.totalContacts)}</span> of contacts, at the end of the range ·{" "}
            {formatNumber(h.optedOut.newInRange)} opted out in it
          </>
        }
      />
    </KpiRow>
  );
}

export interface StatusCounts {
  total: number;
  active: number;
  requesting: number;
  intervened: number;
  closed: number;
  history: number;
}

const STATUSES = [
  { key: "active", label: "Active", color: "var(--status-active)", hint: "The chatbot is handling the chat" },
  { key: "requesting", label: "Requesting", color: "var(--status-requesting)", hint: "Asked for a human in the last 24 hours" },
  { key: "intervened", label: "Intervened", color: "var(--status-intervened)", hint: "An agent has taken the chat" },
  { key: "closed", label: "Closed", color: "var(--status-closed)", hint: "Resolved, back with the bot" },
  { key: "history", label: "In history", color: "var(--status-history)", hint: "Quiet for more than 24 hours" },
] as const;

export function StatusBreakdown({ counts }: { counts: StatusCounts }) {
  return (
    <Panel id="status" title="Contacts by status" description="Right now — the date range does not apply to live chat status.">
      <div className={styles.distribution} aria-hidden="true">
        {STATUSES.map((s) =>
          counts[s.key] > 0 ? (
            <span key={s.key} style={{ flexGrow: counts[s.key], background: s.color }} title={s.label} />
          ) : null,
        )}
      </div>
      <div className={styles.statuses}>
        {STATUSES.map((s) => (
          <KpiCard
            key={s.key}
            testId={`stat-${s.key}`}
            label={s.label}
            value={counts[s.key]}
            color={s.color}
            compact
            hint={
              <>
                <span className={styles.share}>{formatShare(counts[s.key], counts.total)}</span> · {s.hint}
              </>
            }
          />
        ))}
      </div>
    </Panel>
  );
}
