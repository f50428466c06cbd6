"use client";

import { useQuery } from "@tanstack/react-query";
import { IntentLink } from "@/components/ui/intent-link";
import { useMemo } from "react";
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS_LINE, AXIS_TICK, GRID_STROKE, LEGEND, TOOLTIP } from "@/components/charts/chart-style";
import { formatNumber, formatRate } from "@/components/ui/format";
import { useTRPC } from "@/components/trpc";
import { QueryState } from "@/components/ui/query-state";
import { Panel } from "@/components/ui/panel";
import { ClientTable } from "@/components/ui/table/client-table";
import { createDataColumnHelper, type DataColumns } from "@/components/ui/table/features";
import { rateColumn } from "@/components/ui/table/rate-column";
import { TableSkeleton } from "@/components/ui/table/table-skeleton";
import { campaignHref, type CampaignOutputs } from "./format";
import styles from "./campaigns.module.css";

const LINE_COLORS = ["#128c7e", "#d97706", "#6941c6", "#d92d20", "#1570ef"];

/** A compared campaign, with the colour of its line in the chart below. */
type Compared = CampaignOutputs["compare"][number] & { color: string };

const COUNTS = [
  { key: "sent", header: "Sent" },
  { key: "delivered", header: "Delivered" },
  { key: "read", header: "Read" },
  { key: "replied", header: "Replied" },
  { key: "ignored", header: "Ignored" },
  { key: "failed", header: "Failed" },
] as const;

const helper = createDataColumnHelper<Compared>();

/** The campaign, then every figure, each sortable (largest first on the first click). */
function compareColumns(workspaceId: string): DataColumns<Compared> {
  return helper.columns([
    helper.accessor("name", {
      header: "Campaign",
      meta: { rowHeader: true, truncate: true },
      cell: ({ row, getValue }) => (
        <>
          <span className={styles.swatch} style={{ background: row.original.color }} aria-hidden="true" />
          <IntentLink href={campaignHref(workspaceId, row.original.campaignId)}>{getValue()}</IntentLink>
        </>
      ),
    }),
    ...COUNTS.map((c) => helper.accessor(c.key, { header: c.header, sortDescFirst: true, meta: { align: "end" }, cell: ({ getValue }) => formatNumber(getValue()) })),
    rateColumn<Compared>({ id: "readRate", header: "Read rate", label: "Read rate (read ÷ delivered)", rate: (r) => r.readRate }),
    rateColumn<Compared>({ id: "replyRate", header: "Reply rate", label: "Reply rate (replied ÷ delivered)", rate: (r) => r.replyRate }),
  ]);
}

/** The campaigns picked in the list, side by side: funnel, rates, and how fast each was read. */
export function ComparePanel({ workspaceId, campaignIds, onClear }: { workspaceId: string; campaignIds: string[]; onClear: () => void }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.campaigns.compare.queryOptions({ workspaceId, campaignIds }));
  const columns = useMemo(() => compareColumns(workspaceId), [workspaceId]);
  return (
    <Panel
      id="compare"
      title={`Comparing ${campaignIds.length} campaigns`}
      description="Rates divide by delivered; the curve is the share of delivered people who had read within each hour of sending."
      actions={
        <button type="button" className="btn btn-small" onClick={onClear}>
          Stop comparing
        </button>
      }
    >
      <QueryState query={query} what="comparison" skeleton={<TableSkeleton columns={["Campaign", ...COUNTS.map((c) => c.header), "Read rate", "Reply rate"]} />}>
        {(rows) => {
          // One row per hour, one key per campaign, as recharts draws several lines.
          const curve = rows[0]?.readCurve.map((_, hour) => Object.fromEntries([["hour", hour], ...rows.map((r, i) => [`c${i}`, r.readCurve[hour].share])]));
          return (
            <>
              <ClientTable
                caption="Campaigns compared"
                columns={columns}
                data={rows.map((r, i) => ({ ...r, color: LINE_COLORS[i] }))}
                getRowId={(r) => r.campaignId}
              />
              <LineChart responsive data={curve} style={{ width: "100%", height: 240, marginTop: 16 }} margin={{ top: 8, right: 12, bottom: 0, left: 0 }} title="Read within hours of sending, compared">
                <CartesianGrid vertical={false} stroke={GRID_STROKE} />
                <XAxis dataKey="hour" tickLine={false} axisLine={AXIS_LINE} tick={AXIS_TICK} ticks={[0, 6, 12, 24, 36, 48, 60, 72]} tickFormatter={(h) => `${h} h`} />
                <YAxis domain={[0, 1]} tickFormatter={(v) => formatRate(Number(v))} tickLine={false} axisLine={false} tick={AXIS_TICK} width={48} />
                <Tooltip labelFormatter={(h) => `Within ${h} h of sending`} formatter={(v) => formatRate(v === null ? null : Number(v))} {...TOOLTIP} />
                <Legend {...LEGEND} />
                {rows.map((r, i) => (
                  <Line key={r.campaignId} dataKey={`c${i}`} name={r.name} stroke={LINE_COLORS[i]} strokeWidth={2} dot={false} type="stepAfter" isAnimationActive={false} />
                ))}
              </LineChart>
            </>
          );
        }}
      </QueryState>
    </Panel>
  );
}
