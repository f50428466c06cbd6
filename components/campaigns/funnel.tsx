"use client";

import { Bar, BarChart, Cell, LabelList, Tooltip, XAxis, YAxis } from "recharts";
import { CURSOR, TOOLTIP } from "@/components/charts/chart-style";
import { formatNumber, formatRate } from "@/components/ui/format";
import { ClientTable } from "@/components/ui/table/client-table";
import { createDataColumnHelper, type DataColumns } from "@/components/ui/table/features";
import { formatDays } from "./attribution-window";
import { STAGE_COLORS, STAGE_LABELS, type CampaignReport, type Stage } from "./format";
import styles from "./campaigns.module.css";

/** The steps as horizontal bars: each as long as its count, labelled with its share of sent (converted: of delivered in the tooltip). */
export function FunnelChart({ report }: { report: CampaignReport }) {
  const data = report.steps.map((s) => ({ ...s, label: STAGE_LABELS[s.stage] }));
  return (
    <BarChart
      responsive
      layout="vertical"
      data={data}
      style={{ width: "100%", height: 240 }}
      margin={{ top: 4, right: 72, bottom: 4, left: 8 }}
      title="Campaign funnel"
      desc="Sent, delivered, read, replied and converted: how many people reached each step."
    >
      <XAxis type="number" hide domain={[0, "dataMax"]} />
      <YAxis type="category" dataKey="label" width={80} tickLine={false} axisLine={false} tick={{ fill: "#344054", fontSize: 13 }} />
      <Tooltip
        cursor={CURSOR}
        formatter={(value, _name, item) => [
          `${formatNumber(Number(value))} · ${formatRate(item.payload.ofSent)} of sent · ${formatRate(item.payload.ofPrevious)} of ${item.payload.stage === "converted" ? "delivered" : "the step before"}`,
          "People",
        ]}
        {...TOOLTIP}
      />
      <Bar dataKey="count" name="People" radius={[0, 4, 4, 0]} maxBarSize={32} isAnimationActive={false}>
        {data.map((d) => (
          <Cell key={d.stage} fill={STAGE_COLORS[d.stage]} />
        ))}
        <LabelList dataKey="ofSent" position="right" formatter={(v) => formatRate(v === null ? null : Number(v))} style={{ fill: "#475467", fontSize: 12 }} />
      </Bar>
    </BarChart>
  );
}

/**
 * Every stage as a button with its count and shares; pressing one opens its
 * contacts below. Ignored, failed and opted out sit beside the funnel: they
 * branch off it (opted out: stopped marketing within 72 hours of the delivery).
 */
export function StageButtons({ report, selected, onSelect }: { report: CampaignReport; selected: Stage | null; onSelect: (s: Stage) => void }) {
  const steps = new Map(report.steps.map((s) => [s.stage, s]));
  const items: Array<{ stage: Stage; count: number; share: string }> = [
    ...(["sent", "delivered", "read", "replied"] as const).map((stage) => {
      const s = steps.get(stage)!;
      return {
        stage,
        count: s.count,
        share:
          stage === "sent"
            ? `${formatNumber(report.counts.pending)} not delivered yet`
            : stage === "read"
              ? `${formatRate(s.ofSent)} of sent · ${formatNumber(report.counts.readReceipts)} read receipts, ${formatNumber(report.counts.read - report.counts.readReceipts)} replies without one`
              : `${formatRate(s.ofSent)} of sent · ${formatRate(s.ofPrevious)} of previous`,
      };
    }),
    {
      stage: "converted",
      count: report.conversions.converted,
      share: `${formatRate(report.conversions.conversionRate)} of delivered · within ${formatDays(report.attributionDays)}`,
    },
    { stage: "ignored", count: report.ignored.count, share: `${formatRate(report.ignored.ofDelivered)} of delivered, not read` },
    { stage: "failed", count: report.failed.count, share: `${formatRate(report.failed.ofSent)} of sent, never delivered` },
    { stage: "optedOut", count: report.optedOut.count, share: `${formatRate(report.optedOut.ofDelivered)} of delivered, within 72 h of delivery` },
  ];
  return (
    <div className={styles.stages} role="group" aria-label="Open the contacts of a stage">
      {items.map((item) => (
        <button
          key={item.stage}
          type="button"
          className={styles.stage}
          style={{ ["--stage-color" as string]: STAGE_COLORS[item.stage] }}
          aria-pressed={selected === item.stage}
          data-testid={`stage-${item.stage}`}
          onClick={() => onSelect(item.stage)}
        >
          <span className={styles.stageLabel}>{STAGE_LABELS[item.stage]}</span>
          <data className={styles.stageCount} value={item.count}>
            {formatNumber(item.count)}
          </data>
          <span className={styles.stageShare}>{item.share}</span>
        </button>
      ))}
    </div>
  );
}

type FailedByError = CampaignReport["failed"]["byError"][number];
const failure = createDataColumnHelper<FailedByError>();

/** Failed recipients by error code and title; a code opens its contacts. */
export function FailuresTable({ report, onSelect }: { report: CampaignReport; onSelect: (code: number) => void }) {
  const columns: DataColumns<FailedByError> = [
    failure.accessor("errorCode", {
      header: "Code",
      cell: ({ row }) => (
        <button type="button" className={styles.linkButton} onClick={() => onSelect(row.original.errorCode)} title={`Show the contacts that failed with ${row.original.errorCode}`}>
          {row.original.errorCode || "—"}
        </button>
      ),
    }),
    failure.accessor("errorTitle", {
      header: "Error",
      meta: { truncate: true },
      cell: ({ row }) => row.original.errorTitle || <span className={styles.muted}>No title given</span>,
    }),
    failure.accessor("contacts", { header: "People", meta: { align: "end" }, sortDescFirst: true }),
  ];
  return (
    <ClientTable
      caption="Failed messages by error"
      columns={columns}
      data={report.failed.byError}
      getRowId={(e) => `${e.errorCode}/${e.errorTitle}`}
      initialSort={[{ id: "contacts", desc: true }]}
      pageSize={25}
      noun="errors"
    />
  );
}
