"use client";

import { useEffect, useMemo, useRef, type ReactNode } from "react";
import { formatNumber, formatRate } from "@/components/ui/format";
import { ClientTable } from "@/components/ui/table/client-table";
import { createDataColumnHelper, type DataColumns } from "@/components/ui/table/features";
import { rateColumn } from "@/components/ui/table/rate-column";
import type { BreakdownBy, GroupFilter } from "@/clickhouse/vocabulary/campaign-groups";
import { groupKey, groupLabel } from "./breakdown-labels";
import { STAGE_COLORS, STAGE_LABELS, type CampaignOutputs, type Stage } from "./format";
import { RateCell } from "./rate-cell";
import styles from "./campaigns.module.css";
import insights from "./insights.module.css";

export type BreakdownRow = CampaignOutputs["breakdown"]["rows"][number];

/** The count columns, each a door to its contacts; `sent` is the group's size. */
const COUNTS = [
  { stage: "sent", column: "recipients", header: "Recipients" },
  { stage: "delivered", column: "delivered", header: "Delivered" },
  { stage: "read", column: "read", header: "Read" },
  { stage: "replied", column: "replied", header: "Replied" },
  { stage: "ignored", column: "ignored", header: "Ignored" },
  { stage: "failed", column: "failed", header: "Failed" },
] as const satisfies ReadonlyArray<{ stage: Stage; column: keyof BreakdownRow; header: string }>;

/** The group a row stands for, as the drill-down takes it. */
export function groupOf(by: BreakdownBy, row: Pick<BreakdownRow, "value" | "ad">): GroupFilter {
  switch (by.dimension) {
    case "attribute":
      return { dimension: "attribute", attribute: by.attribute, value: row.value };
    case "source":
      return row.ad ? { dimension: "source", value: "", ad: true } : { dimension: "source", value: row.value };
    default:
      return { dimension: by.dimension, value: row.value };
  }
}

/** Read, ignored, failed and not yet delivered, as shares of the group's recipients. */
function OutcomeBar({ row, label }: { row: BreakdownRow; label: string }) {
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

/** A small group's rates are real but noisy: dimmed, so they are not over-read. */
const Noisy = ({ small, children }: { small: boolean; children: ReactNode }) => (small ? <span className={insights.noisy}>{children}</span> : <>{children}</>);

const helper = createDataColumnHelper<BreakdownRow>();

function breakdownColumns({
  by,
  groupHeader,
  smallBelow,
  openKey,
  onOpen,
}: {
  by: BreakdownBy;
  groupHeader: string;
  smallBelow: number;
  /** `${stage}|${groupKey}` of the drill-down open now, to mark its cell. */
  openKey: string;
  onOpen: (stage: Stage, group: GroupFilter) => void;
}): DataColumns<BreakdownRow> {
  return helper.columns([
    helper.accessor((r) => groupLabel(by.dimension, r), {
      id: "group",
      header: groupHeader,
      meta: { rowHeader: true, truncate: true },
      cell: ({ row, getValue }) => (
        <>
          <span className={row.original.value || row.original.ad ? undefined : styles.muted}>{getValue()}</span>
          {row.original.small ? <span className={insights.smallNote}>small group: under {formatNumber(smallBelow)} recipients</span> : null}
        </>
      ),
    }),
    ...COUNTS.map((c) =>
      helper.accessor(c.column, {
        header: c.header,
        sortDescFirst: true,
        meta: { align: "end", skeletonWidth: 48 },
        cell: ({ row, getValue }) => {
          const n = getValue();
          if (n === 0) return <span className={styles.muted}>0</span>;
          const label = groupLabel(by.dimension, row.original);
          const group = groupOf(by, row.original);
          const isOpen = openKey === `${c.stage}|${groupKey(group)}`;
          return (
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
          );
        },
      }),
    ),
    rateColumn<BreakdownRow>({
      id: "readRate",
      header: "Read rate",
      label: "Read rate (read ÷ delivered)",
      rate: (r) => r.readRate,
      cell: (r) => (
        <Noisy small={r.small}>
          <RateCell rate={r.readRate} />
        </Noisy>
      ),
    }),
    rateColumn<BreakdownRow>({
      id: "replyRate",
      header: "Reply rate",
      label: "Reply rate (replied ÷ delivered)",
      rate: (r) => r.replyRate,
      cell: (r) => <Noisy small={r.small}>{formatRate(r.replyRate)}</Noisy>,
    }),
    helper.display({
      id: "outcome",
      header: "Outcome",
      meta: { skeletonWidth: 140 },
      cell: ({ row }) => (
        <Noisy small={row.original.small}>
          <OutcomeBar row={row.original} label={groupLabel(by.dimension, row.original)} />
        </Noisy>
      ),
    }),
  ]);
}

/**
 * The breakdown's groups, largest first; a click on a header sorts by it
 * (recipients, each count, read rate, reply rate), a click on a count lists
 * its contacts.
 */
export function BreakdownTable({
  by,
  groupHeader,
  what,
  rows,
  smallBelow,
  selected,
  onOpen,
}: {
  by: BreakdownBy;
  /** The first column's header: "Tag", "Source", an attribute's label. */
  groupHeader: string;
  /** "tag", "city": what the groups are, for the caption. */
  what: string;
  rows: BreakdownRow[];
  smallBelow: number;
  selected: { stage: Stage | null; group?: GroupFilter };
  onOpen: (stage: Stage, group: GroupFilter) => void;
}) {
  const openKey = selected.stage && selected.group ? `${selected.stage}|${groupKey(selected.group)}` : "";
  // The page passes a new `by` and `onOpen` on every render; the columns are rebuilt only when what they show changes.
  const latestOpen = useRef(onOpen);
  useEffect(() => {
    latestOpen.current = onOpen;
  });
  const byKey = JSON.stringify(by);
  const columns = useMemo(
    () => breakdownColumns({ by: JSON.parse(byKey) as BreakdownBy, groupHeader, smallBelow, openKey, onOpen: (stage, group) => latestOpen.current(stage, group) }),
    [byKey, groupHeader, smallBelow, openKey],
  );
  return (
    <ClientTable
      caption={`Recipients by ${what}`}
      columns={columns}
      data={rows}
      getRowId={(r) => groupKey(groupOf(by, r))}
      initialSort={[{ id: "recipients", desc: true }]}
    />
  );
}
