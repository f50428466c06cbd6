"use client";

import { Bar, BarChart, CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS_LINE, AXIS_TICK, BUCKET_AXIS_HEIGHT, BucketTick, countAxis, CURSOR, GRID_STROKE, TOOLTIP } from "@/components/charts/chart-style";
import { formatNumber, formatRate } from "@/components/ui/format";
import { STAGE_COLORS, type CampaignReport } from "./format";
import styles from "./campaigns.module.css";


/** How long after delivery people read: a histogram of delays. */
export function ReadDelayChart({ report }: { report: CampaignReport }) {
  return (
    <figure>
      <figcaption className={styles.chartTitle}>Time from delivered to read</figcaption>
      <BarChart responsive data={report.readDelay} style={{ width: "100%", height: 220 }} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} title="Time from delivered to read">
        <CartesianGrid vertical={false} stroke={GRID_STROKE} />
        <XAxis dataKey="label" tickLine={false} axisLine={AXIS_LINE} tick={BucketTick} height={BUCKET_AXIS_HEIGHT} interval={0} />
        <YAxis {...countAxis(Math.max(0, ...report.readDelay.map((d) => d.reads)))} tickLine={false} axisLine={false} tick={AXIS_TICK} width={40} />
        <Tooltip cursor={CURSOR} formatter={(v) => [formatNumber(Number(v)), "Reads"]} {...TOOLTIP} />
        <Bar dataKey="reads" name="Reads" fill={STAGE_COLORS.read} radius={[3, 3, 0, 0]} maxBarSize={40} isAnimationActive={false} />
      </BarChart>
    </figure>
  );
}

/** The share of delivered people who had read, hour by hour after sending. */
export function ReadCurveChart({ report }: { report: CampaignReport }) {
  return (
    <figure>
      <figcaption className={styles.chartTitle}>Read within … hours of sending (share of delivered)</figcaption>
      <LineChart responsive data={report.readCurve} style={{ width: "100%", height: 220 }} margin={{ top: 8, right: 12, bottom: 0, left: 0 }} title="Cumulative read share">
        <CartesianGrid vertical={false} stroke={GRID_STROKE} />
        <XAxis dataKey="hour" tickLine={false} axisLine={AXIS_LINE} tick={AXIS_TICK} ticks={[0, 6, 12, 24, 36, 48, 60, 72]} tickFormatter={(h) => `${h} h`} />
        <YAxis domain={[0, 1]} tickFormatter={(v) => formatRate(Number(v))} tickLine={false} axisLine={false} tick={AXIS_TICK} width={48} />
        <Tooltip
          labelFormatter={(h) => `Within ${h} h of sending`}
          formatter={(v, _n, item) => [`${formatRate(v === null ? null : Number(v))} (${formatNumber(item.payload.reads)} read)`, "Read"]}
          {...TOOLTIP}
        />
        <Line dataKey="share" stroke={STAGE_COLORS.read} strokeWidth={2} dot={false} type="stepAfter" isAnimationActive={false} />
      </LineChart>
    </figure>
  );
}
