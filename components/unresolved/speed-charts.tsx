"use client";

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS_LINE, AXIS_TICK, BUCKET_AXIS_HEIGHT, BucketTick, countAxis, CURSOR, GRID_STROKE, LEGEND, TOOLTIP } from "@/components/charts/chart-style";
import { formatDayLong, formatDayShort, formatDuration, formatNumber } from "@/components/ui/format";

const INTERVENE = "#2563eb";
const RESOLVE = "#7c3aed";

/** How many waits fell in each bucket, for one of the two measures. */
export function WaitHistogram({ buckets, counts, kind }: { buckets: string[]; counts: number[]; kind: "intervene" | "resolve" }) {
  const data = buckets.map((bucket, i) => ({ bucket, count: counts[i] ?? 0 }));
  const label = kind === "intervene" ? "Time to intervene" : "Time to resolve";
  return (
    <BarChart
      responsive
      data={data}
      style={{ width: "100%", height: 180 }}
      margin={{ top: 4, right: 4, bottom: 0, left: 0 }}
      title={`${label}: distribution`}
      desc={`How many ${kind === "intervene" ? "takes" : "resolves"} waited how long, in buckets from under a minute to over three days.`}
    >
      <CartesianGrid vertical={false} stroke={GRID_STROKE} />
      <XAxis dataKey="bucket" tickLine={false} axisLine={AXIS_LINE} tick={BucketTick} height={BUCKET_AXIS_HEIGHT} interval={0} />
      <YAxis {...countAxis(Math.max(0, ...data.map((d) => d.count)))} tickLine={false} axisLine={false} tick={AXIS_TICK} width={40} />
      <Tooltip cursor={CURSOR} formatter={(v) => formatNumber(Number(v))} {...TOOLTIP} />
      <Bar dataKey="count" name="Chats" fill={kind === "intervene" ? INTERVENE : RESOLVE} maxBarSize={36} radius={[3, 3, 0, 0]} />
    </BarChart>
  );
}

export interface WeekPoint {
  week: string;
  intervene: number | null;
  resolve: number | null;
}

/** The weekly median of both measures. */
export function WeeklyTrend({ weeks }: { weeks: WeekPoint[] }) {
  return (
    <LineChart
      responsive
      data={weeks}
      style={{ width: "100%", height: 220 }}
      margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
      title="Median waits by week"
      desc="The median time to intervene and the median time to resolve, week by week (weeks start on Monday, in the workspace's time zone)."
    >
      <CartesianGrid vertical={false} stroke={GRID_STROKE} />
      <XAxis dataKey="week" tickFormatter={formatDayShort} tickLine={false} axisLine={AXIS_LINE} tick={AXIS_TICK} tickMargin={8} />
      <YAxis tickFormatter={(v) => formatDuration(Number(v))} tickLine={false} axisLine={false} tick={AXIS_TICK} width={64} />
      <Tooltip
        labelFormatter={(label) => `Week of ${formatDayLong(String(label))}`}
        formatter={(v) => (v === null ? "—" : formatDuration(Number(v)))}
        {...TOOLTIP}
      />
      <Legend {...LEGEND} height={28} />
      <Line dataKey="intervene" name="Median time to intervene" stroke={INTERVENE} strokeWidth={2} dot={{ r: 3 }} connectNulls type="monotone" />
      <Line dataKey="resolve" name="Median time to resolve" stroke={RESOLVE} strokeWidth={2} dot={{ r: 3 }} connectNulls type="monotone" />
    </LineChart>
  );
}
