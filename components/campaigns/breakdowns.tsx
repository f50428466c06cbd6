"use client";

import { useQuery } from "@tanstack/react-query";
import { Select } from "@/components/ui/select";
import { formatNumber, formatRate } from "@/components/ui/format";
import { useTRPC } from "@/components/trpc";
import { QueryState } from "@/components/ui/query-state";
import { Panel } from "@/components/ui/panel";
import type { BreakdownBy, GroupFilter } from "@/clickhouse/vocabulary/campaign-groups";
import { groupKey, groupLabel } from "./breakdown-labels";
import { STAGE_COLORS, STAGE_LABELS, type CampaignOutputs, type Stage } from "./format";
import styles from "./campaigns.module.css";
import insights from "./insights.module.css";

type Row = CampaignOutputs["breakdown"]["rows"][number];

const DIMENSION_WORDS: Record<BreakdownBy["dimension"], string> = {
  tag: "Tag",
  firstMessageTag: "First-message tag",
  source: "Source",
  attribute: "Value",
};

/** The count columns, each a door to its contacts; `sent` is the group's size. */
const COUNTS: Array<{ stage: Stage; column: keyof Row; header: string }> = [
  { stage: "sent", column: "recipients", header: "Recipients" },
  { stage: "delivered", column: "delivered", header: "Delivered" },
  { stage: "read", column: "read", header: "Read" },
  { stage: "replied", column: "replied", header: "Replied" },
  { stage: "ignored", column: "ignored", header: "Ignored" },
  { stage: "failed", column: "failed", header: "Failed" },
];

/** The group a row stands for, as the drill-down takes it. */
export function groupOf(by: BreakdownBy, row: Pick<Row, "value" | "ad">): GroupFilter {
  switch (by.dimension) {
    case "attribute":
      return { dimension: "attribute", attribute: by.attribute, value: row.value };
    case "source":
      return row.ad ? { dimension: "source", value: "", ad: true } : { dimension: "source", value: row.value };
    default:
      return { dimension: by.dimension, value: row.value };
  }
}

const byValue = (by: BreakdownBy) => (by.dimension === "attribute" ? `attribute:${by.attribute}` : by.dimension);
function parseBy(value: string): BreakdownBy {
  if (value.startsWith("attribute:")) return { dimension: "attribute", attribute: value.slice("attribute:".length) };
  return { dimension: value as Exclude<BreakdownBy["dimension"], "attribute"> };
}

/** Read, ignored, failed and not yet delivered, as shares of the group's recipients. */
function OutcomeBar({ row, label }: { row: Row; label: string }) {
  const parts = [
    { stage: "read" as const, n: row.read },
    { stage: "ignored" as const, n: row.ignored },
    { stage: "failed" as const, n: row.failed },
  ];
  const pending = Math.max(0, row.recipients - row.read - row.ignored - row.failed);
  const title = `${label}: ${parts.map((p) => `${formatNumber(p.n)} ${STAGE_LABELS[p.stage].toLowerCase()}`).join(", ")}, ${formatNumber(pending)} not delivered yet`;
  return (
    <span className={insights.outcomeBar} title={title} role="img" aria-label={title}>
      {parts.map((p) =>
        p.n > 0 ? <span key={p.stage} style={{ width: `${(p.n / row.recipients) * 100}%`, background: STAGE_COLORS[p.stage] }} /> : null,
      )}
    </span>
  );
}

/**
 * The funnel split by tag, first-message tag, source or an attribute's value,
 * as a table with bars. Every count opens the contacts behind it; groups under
 * the small-group size are marked so their rates are not over-read. Profiles
 * are read as they are now.
 */
export function BreakdownsPanel({
  workspaceId,
  campaignId,
  replyWindowHours,
  by,
  onBy,
  selected,
  onOpen,
}: {
  workspaceId: string;
  campaignId: string;
  /** The report's reply window: who replied depends on it. */
  replyWindowHours: number;
  by: BreakdownBy;
  onBy: (by: BreakdownBy) => void;
  /** The drill-down open now, to mark its cell. */
  selected: { stage: Stage | null; group?: GroupFilter };
  onOpen: (stage: Stage, group: GroupFilter) => void;
}) {
  const trpc = useTRPC();
  const attributes = useQuery(trpc.attributes.list.queryOptions({ workspaceId }, { staleTime: 5 * 60_000 }));
  // No placeholder from the previous dimension: its rows would sit under the new one's header.
  const query = useQuery(trpc.campaigns.breakdown.queryOptions({ workspaceId, campaignId, by, replyWindowHours }, { retry: false }));
  // An attribute's groups are headed by its label ("Country"), never its key.
  const heading = by.dimension === "attribute" ? ((attributes.data ?? []).find((a) => a.name === by.attribute)?.label ?? by.attribute) : DIMENSION_WORDS[by.dimension];
  const what = by.dimension === "attribute" ? heading : heading.toLowerCase();
  const selectedKey = groupKey(selected.group);

  return (
    <Panel
      id="breakdowns"
      title="Breakdowns"
      description="The funnel by the recipients’ profiles as they are now; read rate = read ÷ delivered. Press a number to list those contacts."
      actions={
        <Select label="Break down by" inline value={byValue(by)} onChange={(e) => onBy(parseBy(e.currentTarget.value))}>
          <option value="tag">Tags</option>
          <option value="firstMessageTag">First-message tag</option>
          <option value="source">Source</option>
          {(attributes.data ?? []).length ? (
            <optgroup label="Attributes">
              {(attributes.data ?? []).map((a) => (
                <option key={a.name} value={`attribute:${a.name}`}>
                  {a.label}
                </option>
              ))}
            </optgroup>
          ) : null}
        </Select>
      }
    >
      <QueryState query={query} what="breakdown" skeletonHeight={160}>
        {({ rows, smallBelow, maxGroups }) =>
          rows.length === 0 ? (
            <p className={styles.muted}>{by.dimension === "tag" ? "No recipient of this campaign has a tag." : "Nobody received this campaign."}</p>
          ) : (
            <>
              <div className={insights.scroll}>
                <table className={`${styles.errors} ${insights.breakdown}`}>
                  <caption className="visually-hidden">Recipients by {what}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{heading}</th>
                      {COUNTS.map((c) => (
                        <th key={c.stage} scope="col" data-num>
                          {c.header}
                        </th>
                      ))}
                      <th scope="col" data-num>
                        Read rate
                      </th>
                      <th scope="col">Outcome</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => {
                      const label = groupLabel(by.dimension, r);
                      const group = groupOf(by, r);
                      const key = groupKey(group);
                      return (
                        <tr key={key} className={r.small ? insights.smallRow : undefined}>
                          <th scope="row">
                            <span className={r.value || r.ad ? undefined : styles.muted}>{label}</span>
                            {r.small ? <span className={insights.smallNote}>small group: under {smallBelow} recipients</span> : null}
                          </th>
                          {COUNTS.map((c) => {
                            const n = r[c.column] as number;
                            const isOpen = selected.stage === c.stage && selectedKey === key;
                            return (
                              <td key={c.stage} data-num>
                                {n === 0 ? (
                                  <span className={styles.muted}>0</span>
                                ) : (
                                  <button
                                    type="button"
                                    className={`${styles.linkButton} ${isOpen ? insights.openCell : ""}`}
                                    aria-pressed={isOpen}
                                    data-testid={`cell-${c.stage}`}
                                    title={`List the ${formatNumber(n)} ${c.stage === "sent" ? "recipients" : STAGE_LABELS[c.stage].toLowerCase()} of ${label}`}
                                    onClick={() => onOpen(c.stage, group)}
                                  >
                                    {formatNumber(n)}
                                  </button>
                                )}
                              </td>
                            );
                          })}
                          <td data-num>
                            <span className={styles.rateCell}>
                              <span className={styles.rateBar} aria-hidden="true">
                                <span style={{ width: `${Math.round((r.readRate ?? 0) * 100)}%` }} />
                              </span>
                              {formatRate(r.readRate)}
                            </span>
                          </td>
                          <td>
                            <OutcomeBar row={r} label={label} />
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
              <p className={insights.legend}>
                {(["read", "ignored", "failed"] as const).map((s) => (
                  <span key={s}>
                    <span className={styles.swatch} style={{ background: STAGE_COLORS[s] }} aria-hidden="true" />
                    {STAGE_LABELS[s]}
                  </span>
                ))}
                <span>Grey: not delivered yet.</span>
                {by.dimension === "tag" ? <span>A contact with several tags counts in each.</span> : null}
                {rows.length >= maxGroups ? <span>The {maxGroups} largest groups.</span> : null}
                {by.dimension === "source" && rows.some((r) => r.ad) ? (
                  <span>“Came from an ad” overlaps the sources: an ad’s chat usually starts as organic.</span>
                ) : null}
              </p>
            </>
          )
        }
      </QueryState>
    </Panel>
  );
}
