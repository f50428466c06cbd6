"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { formatCompact, formatDayLong, formatDayShort, formatNumber } from "./format";

// Hex, not CSS variables: SVG presentation attributes do not resolve var() everywhere.
const INBOUND = "#25d366";
const OUTBOUND = "#128c7e";

export interface DayPoint {
  day: string;
  inbound: number;
  outbound: number;
}

export function MessagesChart({ data }: { data: DayPoint[] }) {
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
      <CartesianGrid vertical={false} stroke="#eef0f3" />
      <XAxis
        dataKey="day"
        tickFormatter={formatDayShort}
        tickLine={false}
        axisLine={{ stroke: "#d0d5dd" }}
        tick={{ fill: "#667085", fontSize: 12 }}
        minTickGap={24}
        tickMargin={8}
      />
      <YAxis
        allowDecimals={false}
        tickFormatter={formatCompact}
        tickLine={false}
        axisLine={false}
        tick={{ fill: "#667085", fontSize: 12 }}
        width={48}
      />
      <Tooltip
        cursor={{ fill: "rgba(16, 24, 40, 0.04)" }}
        labelFormatter={(label) => formatDayLong(String(label))}
        formatter={(value) => formatNumber(Number(value))}
        contentStyle={{
          border: "1px solid #e4e7ec",
          borderRadius: 8,
          boxShadow: "0 4px 12px rgba(16, 24, 40, 0.08)",
          fontSize: 13,
        }}
        labelStyle={{ color: "#101828", fontWeight: 600, marginBottom: 4 }}
        itemStyle={{ color: "#344054", padding: "1px 0" }}
      />
      <Legend
        verticalAlign="top"
        align="right"
        iconType="circle"
        iconSize={8}
        height={32}
        wrapperStyle={{ fontSize: 13 }}
        // Series colours are for the marks; light green text would be hard to read.
        formatter={(value) => <span style={{ color: "#475467" }}>{value}</span>}
      />
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
