"use client";

import { useQuery } from "@tanstack/react-query";
import { Select } from "@/components/ui/select";
import { useTRPC } from "@/components/trpc";
import { EmptyState, QueryState } from "@/components/ui/query-state";
import { Panel } from "@/components/ui/panel";
import { TableSkeleton } from "@/components/ui/table/table-skeleton";
import type { BreakdownBy, GroupFilter } from "@/clickhouse/vocabulary/campaign-groups";
import { BreakdownTable } from "./breakdown-table";
import { STAGE_COLORS, STAGE_LABELS, type Stage } from "./format";
import styles from "./campaigns.module.css";
import insights from "./insights.module.css";

const DIMENSION_WORDS: Record<BreakdownBy["dimension"], string> = {
  tag: "Tag",
  firstMessageTag: "First-message tag",
  source: "Source",
  attribute: "Value",
};

const byValue = (by: BreakdownBy) => (by.dimension === "attribute" ? `attribute:${by.attribute}` : by.dimension);
function parseBy(value: string): BreakdownBy {
  if (value.startsWith("attribute:")) return { dimension: "attribute", attribute: value.slice("attribute:".length) };
  return { dimension: value as Exclude<BreakdownBy["dimension"], "attribute"> };
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
  const attributeLabel = by.dimension === "attribute" ? ((attributes.data ?? []).find((a) => a.name === by.attribute)?.label ?? by.attribute) : null;
  const groupHeader = attributeLabel ?? DIMENSION_WORDS[by.dimension];
  const what = attributeLabel ?? DIMENSION_WORDS[by.dimension].toLowerCase();

  return (
    <Panel
      id="breakdowns"
      title="Breakdowns"
      description="The funnel by the recipients’ profiles as they are now; read and reply rates divide by delivered. Press a number to list those contacts."
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
      <QueryState
        query={query}
        what="breakdown"
        skeleton={<TableSkeleton columns={[groupHeader, "Recipients", "Delivered", "Read", "Replied", "Ignored", "Failed", "Read rate", "Reply rate", "Outcome"]} />}
        isEmpty={(data) => data.rows.length === 0}
        empty={
          <EmptyState title={by.dimension === "tag" ? "No recipient of this campaign has a tag" : "Nobody received this campaign"}>
            {by.dimension === "tag" ? "Break it down by source or an attribute instead." : "The groups fill in as the campaign is sent."}
          </EmptyState>
        }
      >
        {({ rows, smallBelow, maxGroups }) => (
          <>
            <BreakdownTable by={by} groupHeader={groupHeader} what={what} rows={rows} smallBelow={smallBelow} selected={selected} onOpen={onOpen} />
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
        )}
      </QueryState>
    </Panel>
  );
}
