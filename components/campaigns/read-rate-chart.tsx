"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import type { NameType, ValueType } from "recharts/types/component/DefaultTooltipContent";
import { AXIS_LINE, AXIS_TICK, countAxis, CURSOR, GRID_STROKE, LEGEND, TOOLTIP } from "@/components/charts/chart-style";
import { formatCompact, formatDayLong, formatDayShort, formatNumber, formatRate } from "@/components/ui/format";
import { STAGE_COLORS, type CampaignOutputs } from "./format";

type Day = CampaignOutputs["summary"]["days"][number];

/** At most this many campaign names in a day's tooltip; the rest are counted. */
const NAMES_SHOWN = 4;

/** A day: what was delivered and read, and which campaigns were sent. */
function DayTooltip({ active, payload }: TooltipContentProps<ValueType, NameType>) {
  const day = payload?.[0]?.payload as Day | undefined;
  if (!active || !day) return null;
  const more = day.names.length - NAMES_SHOWN;
  return (
    <div style={{ ...TOOLTIP.contentStyle, background: "#fff", padding: "8px 12px", maxWidth: 280 }}>
      <p style={TOOLTIP.labelStyle}>{formatDayLong(day.day)}</p>
      {day.campaigns === 0 ? (
        <p style={TOOLTIP.itemStyle}>No campaign sent</p>
      ) : (
        <>
          <p style={TOOLTIP.itemStyle}>Delivered: {formatNumber(day.delivered)}</p>
          <p style={TOOLTIP.itemStyle}>Read rate: {formatRate(day.readRate)}</p>
          <p style={{ ...TOOLTIP.itemStyle, marginTop: 4 }}>
            {day.names.slice(0, NAMES_SHOWN).join(", ")}
            {more > 0 ? ` and ${formatNumber(more)} more` : ""}
          </p>
        </>
      )}
    </div>
  );
}

/**
 * Bars: messages delivered by the campaigns sent each day. Line: their read
 * rate, broken on days without sends rather than drawn through them.
 */
export function ReadRateChart({ days }: { days: Day[] }) {
  const axis = countAxis(Math.max(0, ...days.map((d) => d.delivered)));
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
      <YAxis yAxisId="count" domain={axis.domain} ticks={axis.ticks} tickFormatter={formatCompact} tickLine={false} axisLine={false} tick={AXIS_TICK} width={48} />
      <YAxis yAxisId="rate" orientation="right" domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} tickFormatter={(v) => formatRate(Number(v))} tickLine={false} axisLine={false} tick={AXIS_TICK} width={48} />
      <Tooltip cursor={CURSOR} content={DayTooltip} />
      <Legend {...LEGEND} />
      <Bar yAxisId="count" dataKey="delivered" name="Delivered" fill={STAGE_COLORS.delivered} maxBarSize={28} radius={[3, 3, 0, 0]} />
      <Line yAxisId="rate" dataKey="readRate" name="Read rate" stroke={STAGE_COLORS.read} strokeWidth={2} dot={{ r: 2 }} type="monotone" />
    </ComposedChart>
  );
}
