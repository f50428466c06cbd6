"use client";

import { useQuery } from "@tanstack/react-query";
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS_LINE, AXIS_TICK, countAxis, GRID_STROKE, TOOLTIP } from "@/components/charts/chart-style";
import { formatCompact, formatDayLong, formatDayShort, formatNumber } from "@/components/ui/format";
import { useTRPC } from "@/components/trpc";
import { QueryState } from "@/components/ui/query-state";
import { Panel, SmallEmpty } from "@/components/ui/panel";

const LINE = "#128c7e";

/** A saved segment's size, one point per day the daily job recorded it (days of the workspace's zone). */
export function SizeHistoryPanel({ workspaceId, segmentId }: { workspaceId: string; segmentId: string }) {
  const trpc = useTRPC();
  const history = useQuery(trpc.segments.sizeHistory.queryOptions({ workspaceId, segmentId, days: 90 }));
  return (
    <Panel id="size-history" title="Size over time" description="Recorded once a day, in the workspace's time zone; the last 90 days.">
      <QueryState query={history} what="size history" skeletonHeight={240}>
        {(data) =>
          data.points.length === 0 ? (
            <SmallEmpty>No size recorded yet. The first is taken today, then one a day: the chart fills in as days go by.</SmallEmpty>
          ) : (
            <LineChart
              responsive
              data={data.points}
              style={{ width: "100%", height: 240 }}
              margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
              title="Segment size per day"
              desc={`Contacts in the segment on each recorded day from ${data.from} to ${data.to}.`}
            >
              <CartesianGrid vertical={false} stroke={GRID_STROKE} />
              <XAxis dataKey="day" tickFormatter={formatDayShort} tickLine={false} axisLine={AXIS_LINE} tick={AXIS_TICK} minTickGap={24} tickMargin={8} />
              <YAxis {...countAxis(Math.max(0, ...data.points.map((p) => p.size)))} tickFormatter={formatCompact} tickLine={false} axisLine={false} tick={AXIS_TICK} width={48} />
              <Tooltip labelFormatter={(day) => formatDayLong(String(day))} formatter={(v) => [formatNumber(Number(v)), "Contacts"]} {...TOOLTIP} />
              <Line dataKey="size" name="Contacts" stroke={LINE} strokeWidth={2} dot={data.points.length < 40} isAnimationActive={false} />
            </LineChart>
          )
        }
      </QueryState>
    </Panel>
  );
}
