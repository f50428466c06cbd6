"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS_LINE, AXIS_TICK, countAxis, CURSOR, GRID_STROKE, LEGEND, TOOLTIP } from "@/components/charts/chart-style";
import { formatCompact, formatDayLong, formatDayShort, formatNumber, formatRate } from "@/components/ui/format";

// Hex, not CSS variables (see chart-style).
const REQUESTS = "#d97706";
const SHARE = "#128c7e";

export interface VolumeDay {
  day: string;
  requests: number;
  conversations: number;
  escalated: number;
}

export function VolumeChart({ days }: { days: VolumeDay[] }) {
  const data = days.map((d) => ({ ...d, share: d.conversations > 0 ? d.escalated / d.conversations : null }));
  const axis = countAxis(Math.max(0, ...days.map((d) => d.requests)));
  return (
    <ComposedChart
      responsive
      data={data}
      style={{ width: "100%", height: 280 }}
      margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
      barCategoryGap="18%"
      title="Requests for a human per day"
      desc="Bars: requests for a human each day. Line: the share of that day's conversations in which someone asked for a human."
    >
      <CartesianGrid vertical={false} stroke={GRID_STROKE} />
      <XAxis
        dataKey="day"
        tickFormatter={formatDayShort}
        tickLine={false}
        axisLine={AXIS_LINE}
        tick={AXIS_TICK}
        minTickGap={24}
        tickMargin={8}
      />
      <YAxis
        yAxisId="count"
        domain={axis.domain}
        ticks={axis.ticks}
        tickFormatter={formatCompact}
        tickLine={false}
        axisLine={false}
        tick={AXIS_TICK}
        width={48}
      />
      <YAxis
        yAxisId="share"
        orientation="right"
        tickFormatter={(v) => formatRate(Number(v))}
        tickLine={false}
        axisLine={false}
        tick={AXIS_TICK}
        width={48}
      />
      <Tooltip
        cursor={CURSOR}
        labelFormatter={(label) => formatDayLong(String(label))}
        formatter={(value, name) =>
          name === "Share of conversations" ? formatRate(value === null ? null : Number(value)) : formatNumber(Number(value))
        }
        {...TOOLTIP}
      />
      <Legend {...LEGEND} />
      <Bar yAxisId="count" dataKey="requests" name="Requests for a human" fill={REQUESTS} maxBarSize={28} radius={[3, 3, 0, 0]} />
      <Line
        yAxisId="share"
        dataKey="share"
        name="Share of conversations"
        stroke={SHARE}
        strokeWidth={2}
        dot={false}
        type="monotone"
      />
    </ComposedChart>
  );
}
