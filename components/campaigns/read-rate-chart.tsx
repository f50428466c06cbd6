"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS_LINE, AXIS_TICK, CURSOR, GRID_STROKE, LEGEND, TOOLTIP } from "@/components/charts/chart-style";
import { formatCompact, formatDayLong, formatDayShort, formatNumber } from "@/components/overview/format";
import { formatRate, STAGE_COLORS, type CampaignOutputs } from "./format";

type Day = CampaignOutputs["summary"]["days"][number];


/** Bars: messages delivered by the campaigns sent each day. Line: their read rate. */
export function ReadRateChart({ days }: { days: Day[] }) {
  return (
    <ComposedChart
      responsive
      data={days}
      style={{ width: "100%", height: 260 }}
      margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
      barCategoryGap="18%"
      title="Read rate per day"
      desc="Bars: messages delivered by the campaigns sent each day. Line: the share of them that were read."
    >
      <CartesianGrid vertical={false} stroke={GRID_STROKE} />
      <XAxis dataKey="day" tickFormatter={formatDayShort} tickLine={false} axisLine={AXIS_LINE} tick={AXIS_TICK} minTickGap={24} tickMargin={8} />
      <YAxis yAxisId="count" allowDecimals={false} tickFormatter={formatCompact} tickLine={false} axisLine={false} tick={AXIS_TICK} width={48} />
      <YAxis yAxisId="rate" orientation="right" domain={[0, 1]} tickFormatter={(v) => formatRate(Number(v))} tickLine={false} axisLine={false} tick={AXIS_TICK} width={48} />
      <Tooltip
        cursor={CURSOR}
        labelFormatter={(label) => formatDayLong(String(label))}
        formatter={(value, name) => (name === "Read rate" ? formatRate(value === null ? null : Number(value)) : formatNumber(Number(value)))}
        {...TOOLTIP}
      />
      <Legend {...LEGEND} />
      <Bar yAxisId="count" dataKey="delivered" name="Delivered" fill={STAGE_COLORS.delivered} maxBarSize={28} radius={[3, 3, 0, 0]} />
      <Line yAxisId="rate" dataKey="readRate" name="Read rate" stroke={STAGE_COLORS.read} strokeWidth={2} dot={{ r: 2 }} connectNulls type="monotone" />
    </ComposedChart>
  );
}
