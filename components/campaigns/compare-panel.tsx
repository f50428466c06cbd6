"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS_LINE, AXIS_TICK, GRID_STROKE, LEGEND, TOOLTIP } from "@/components/charts/chart-style";
import { formatNumber, formatRate } from "@/components/ui/format";
import { useTRPC } from "@/components/trpc";
import { QueryState } from "@/components/ui/query-state";
import { Panel } from "@/components/ui/panel";
import { campaignHref } from "./format";
import styles from "./campaigns.module.css";

const LINE_COLORS = ["#128c7e", "#d97706", "#6941c6", "#d92d20", "#1570ef"];

/** The campaigns picked in the list, side by side: funnel, rates, and how fast each was read. */
export function ComparePanel({ workspaceId, campaignIds, onClear }: { workspaceId: string; campaignIds: string[]; onClear: () => void }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.campaigns.compare.queryOptions({ workspaceId, campaignIds }));
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
      <QueryState query={query} what="comparison" skeletonHeight={240}>
        {(rows) => {
          // One row per hour, one key per campaign, as recharts draws several lines.
          const curve = rows[0]?.readCurve.map((_, hour) => Object.fromEntries([["hour", hour], ...rows.map((r, i) => [`c${i}`, r.readCurve[hour].share])]));
          return (
            <>
              <table className={styles.errors}>
                <caption className="visually-hidden">Campaigns compared</caption>
                <thead>
                  <tr>
                    <th scope="col">Campaign</th>
                    {["Sent", "Delivered", "Read", "Replied", "Ignored", "Failed", "Read rate", "Reply rate"].map((h) => (
                      <th key={h} scope="col" data-num>
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r, i) => (
                    <tr key={r.campaignId}>
                      <td>
                        <span className={styles.swatch} style={{ background: LINE_COLORS[i] }} aria-hidden="true" />
                        <Link href={campaignHref(workspaceId, r.campaignId)}>{r.name}</Link>
                      </td>
                      {[r.sent, r.delivered, r.read, r.replied, r.ignored, r.failed].map((n, j) => (
                        <td key={j} data-num>
                          {formatNumber(n)}
                        </td>
                      ))}
                      <td data-num>{formatRate(r.readRate)}</td>
                      <td data-num>{formatRate(r.replyRate)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
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
