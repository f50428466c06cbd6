"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS_LINE, AXIS_TICK, countAxis, CURSOR, GRID_STROKE, LEGEND, TOOLTIP } from "@/components/charts/chart-style";
import { formatCompact, formatDayLong, formatDayShort, formatNumber } from "@/components/ui/format";

// Hex, not CSS variables (see chart-style).
const INBOUND = "#25d366";
const OUTBOUND = "#128c7e";

export interface DayPoint {
  day: string;
  inbound: number;
  outbound: number;
}

export function MessagesChart({ data }: { data: DayPoint[] }) {
  const axis = countAxis(Math.max(0, ...data.map((d) => d.inbound + d.outbound)));
  return (
    <BarChart
      responsive
      data={data}
      style={{ width: "100%", height: 300 }}
      margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
      barCategoryGap="18%"
      title="Messages per day"
      desc="Stacked bars of inbound and outbound WhatsApp messages for each day of the selected range."
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
        domain={axis.domain}
        ticks={axis.ticks}
        tickFormatter={formatCompact}
        tickLine={false}
        axisLine={false}
        tick={AXIS_TICK}
        width={48}
      />
      <Tooltip
        cursor={CURSOR}
        labelFormatter={(label) => formatDayLong(String(label))}
        formatter={(value) => formatNumber(Number(value))}
        {...TOOLTIP}
      />
      <Legend {...LEGEND} />
      <Bar dataKey="inbound" name="Inbound (customers)" stackId="messages" fill={INBOUND} maxBarSize={32} />
      <Bar
        dataKey="outbound"
        name="Outbound (your business)"
        stackId="messages"
        fill={OUTBOUND}
        maxBarSize={32}
        radius={[3, 3, 0, 0]}
      />
    </BarChart>
  );
}
