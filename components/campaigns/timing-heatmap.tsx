"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { formatHour, formatHourSpan, formatRate } from "@/components/ui/format";
import { useTRPC } from "@/components/trpc";
import { EmptyState, QueryState } from "@/components/ui/query-state";
import { Panel } from "@/components/ui/panel";
import { useWorkspaceZone } from "@/components/workspace-zone";
import { WEEKDAYS } from "@/server/domain/campaign-timing";
import { type CampaignOutputs } from "./format";
import { describeCell, describeSlot } from "./timing-words";
import insights from "./insights.module.css";

type Timing = CampaignOutputs["timing"];

const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** Read rate as a tint of the read colour: empty cells stay the plain background. */
const tint = (rate: number) => `color-mix(in srgb, #128c7e ${Math.round(8 + rate * 92)}%, #f2f4f7)`;

function Heatmap({ data }: { data: Timing }) {
  const best = new Set(data.best.map((b) => `${b.weekday}/${b.hour}`));
  const byDay = WEEKDAYS.map((_, i) => data.cells.filter((c) => c.weekday === i + 1));
  return (
    <div className={insights.scroll}>
      <table className={insights.heatmap}>
        <caption className="visually-hidden">
          Read rate by weekday and hour of delivery ({data.timeZone}); each cell’s title gives its figures
        </caption>
        <thead>
          <tr>
            <td aria-hidden="true" className={insights.corner} />
            {HOURS.map((h) => (
              <th key={h} scope="col" title={formatHourSpan(h)}>
                {h % 3 === 0 ? formatHour(h) : <span className="visually-hidden">{formatHour(h)}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {byDay.map((cells, i) => (
            <tr key={WEEKDAYS[i]}>
              <th scope="row" title={WEEKDAYS[i]}>
                {WEEKDAYS[i].slice(0, 3)}
              </th>
              {cells.map((c) => {
                const title = describeCell(c, data.timeZone);
                return (
                  <td key={c.hour} title={title} data-testid={`heat-${c.weekday}-${c.hour}`}>
                    {c.delivered > 0 ? (
                      <span
                        className={`${insights.heat} ${c.few ? insights.few : ""} ${best.has(`${c.weekday}/${c.hour}`) ? insights.best : ""}`}
                        style={{ backgroundColor: tint(c.readRate ?? 0) }}
                      >
                        <span className="visually-hidden">{title}</span>
                      </span>
                    ) : (
                      <span className="visually-hidden">{title}</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * When campaigns work: the read rate by the weekday and hour messages were
 * delivered, over the range's campaigns, and the best hours in words. Hours
 * with few deliveries are pale and striped; an hour is named best only when
 * its read rate is surely above the range's (campaign-timing.ts).
 */
export function TimingPanel({ workspaceId, range }: { workspaceId: string; range: { from: string; to: string } }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.campaigns.timing.queryOptions({ workspaceId, ...range }, { placeholderData: keepPreviousData }));
  // The server's answer names the zone its hours are in; the workspace's until it arrives.
  const workspaceZone = useWorkspaceZone();
  const zone = query.data?.timeZone ?? workspaceZone;
  return (
    <Panel
      id="timing"
      title="When it works"
      busy={query.isPlaceholderData}
      description={`Read rate by the weekday and hour messages were delivered, across this range’s campaigns. Hours in ${zone}.`}
    >
      <QueryState query={query} what="read rate by hour" skeletonHeight={240}>
        {(data) =>
          data.totals.delivered === 0 ? (
            <EmptyState title="Nothing was delivered in this range">
              The hours fill in as campaigns are delivered. Try a longer range.
            </EmptyState>
          ) : (
            <>
              <Heatmap data={data} />
              <p className={insights.legend}>
                <span>
                  0% <span className={insights.scale} aria-hidden="true" /> 100% read
                </span>
                <span>
                  <span className={`${insights.fewSwatch} ${insights.few}`} aria-hidden="true" /> fewer than {data.fewBelow} deliveries: uncertain
                </span>
                <span>Outlined: the best hours below.</span>
              </p>
              {data.best.length ? (
                <ol className={insights.bestList} aria-label="Best hours">
                  {data.best.map((b) => (
                    <li key={`${b.weekday}/${b.hour}`}>{describeSlot(b)}</li>
                  ))}
                </ol>
              ) : (
                <p className={insights.legend}>
                  Not enough data yet to name a best hour: no hour reads surely better than this range’s {formatRate(data.totals.read / data.totals.delivered)} overall.
                  The grid shows what there is.
                </p>
              )}
            </>
          )
        }
      </QueryState>
    </Panel>
  );
}
