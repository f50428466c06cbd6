"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { formatNumber, formatRange } from "@/components/ui/format";
import overview from "@/components/overview/overview.module.css";
import { RangePicker } from "@/components/ui/range/range-picker";
import { customRangeProblem, resolveRange, todayIn, type RangeSelection } from "@/components/ui/range/range";
import { useRangeSelection } from "@/components/ui/range/search-params";
import { useWorkspaceZone } from "@/components/workspace-zone";
import { PageHeader } from "@/components/shell/page-header";
import shell from "@/components/shell/shell.module.css";
import { DataTable } from "@/components/ui/table/data-table";
import { TablePagination } from "@/components/ui/table/table-pagination";
import { useServerTable } from "@/components/ui/table/use-server-table";
import { useTRPC } from "@/components/trpc";
import { EmptyState, QueryState } from "@/components/ui/query-state";
import { Panel } from "@/components/ui/panel";
import { AttributionPicker } from "./attribution-window";
import { ComparePanel } from "./compare-panel";
import { campaignHref, type CampaignListRow } from "./format";
import { campaignColumns, MAX_COMPARE, pickColumn } from "./list-columns";
import { ReadRateChart } from "./read-rate-chart";
import { TimingPanel } from "./timing-heatmap";
import { TotalsCards } from "./totals";
import { listInput, useListParams } from "./search-params";
import { PAGE_SIZES, SORTS } from "./url-state";
import styles from "./campaigns.module.css";

const NO_HIDDEN = {};

/**
 * The campaigns of a date range: totals, the daily read rate, and a sortable,
 * searchable table. The range, search, sort and page live in the URL so a
 * view can be shared and Back steps through it.
 */
export function CampaignListView({ workspaceId }: { workspaceId: string }) {
  const router = useRouter();
  const trpc = useTRPC();
  const zone = useWorkspaceZone();
  const [selection, setRange] = useRangeSelection();
  const range = resolveRange(selection, todayIn(zone));
  const rangeProblem = selection.kind === "custom" ? customRangeProblem(range.from, range.to) : null;
  const [state, setState] = useListParams();
  const enabled = rangeProblem === null;

  const summary = useQuery(trpc.campaigns.summary.queryOptions({ workspaceId, ...range }, { placeholderData: keepPreviousData, enabled }));
  const list = useQuery(trpc.campaigns.list.queryOptions(listInput(workspaceId, range, state), { placeholderData: keepPreviousData, enabled }));

  // A new range starts at the first page; both land in one history entry.
  const changeRange = (next: RangeSelection) => {
    setRange(next);
    void setState({ page: 1 });
  };

  // Campaigns picked for comparison, in the URL too (`?cmp=a,b`), so a comparison can be shared.
  const pickedKey = state.cmp.join(",");
  const picked = useMemo(() => [...new Set(pickedKey.split(",").filter(Boolean))].slice(0, MAX_COMPARE), [pickedKey]);
  const setPicked = (ids: string[]) => void setState({ cmp: ids }, { history: "replace" });
  const togglePick = (id: string) => setPicked(picked.includes(id) ? picked.filter((p) => p !== id) : [...picked, id]);
  const columns = useMemo(
    () => [...pickColumn(picked, togglePick), ...campaignColumns(workspaceId)],
    // togglePick reads the URL afresh each render; the column only needs rebuilding when the picks change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [workspaceId, picked],
  );
  const table = useServerTable<CampaignListRow>({
    columns,
    data: list.data?.rows,
    rowCount: list.data?.total,
    getRowId: (r) => r.campaignId,
    sorting: { id: state.sort.column, desc: state.sort.desc },
    onSortingChange: (s) => {
      const column = SORTS.find((c) => c === s.id);
      if (column) void setState({ sort: { column, desc: s.desc }, page: 1 });
    },
    pagination: { pageIndex: state.page - 1, pageSize: state.size },
    onPaginationChange: (p) => {
      const size = PAGE_SIZES.find((s) => s === p.pageSize) ?? state.size;
      void setState({ page: size === state.size ? p.pageIndex + 1 : 1, size });
    },
    columnVisibility: NO_HIDDEN,
    onColumnVisibilityChange: () => {},
  });

  return (
    <div className={shell.page}>
      <PageHeader
        title="Campaigns"
        description={
          <>
            {formatRange(range.from, range.to)} <span className={overview.muted}>· days and times in {zone} · read rate = read ÷ delivered</span>
          </>
        }
        actions={<RangePicker selection={selection} resolved={range} onChange={changeRange} />}
      />
      {rangeProblem ? (
        <div role="alert" className="alert">
          <strong>This date range cannot be shown.</strong>
          {rangeProblem} Pick a preset or a custom range above.
        </div>
      ) : (
        <div className={overview.body}>
          <QueryState query={summary} what="campaign totals" skeletonHeight={96}>
            {(data) => <TotalsCards totals={data.totals} previous={data.previous} />}
          </QueryState>
          <Panel id="read-rate" title="Read rate per day" description="Campaigns by the day they were sent: what they delivered, and the share of that read.">
            <QueryState query={summary} what="daily read rate" skeletonHeight={260}>
              {(data) =>
                data.totals.campaigns === 0 ? (
                  <EmptyState title="No campaigns were sent in this range">
                    Campaigns appear here once their messages go out. Try a longer range.
                  </EmptyState>
                ) : (
                  <ReadRateChart days={data.days} />
                )
              }
            </QueryState>
          </Panel>
          {picked.length >= 2 ? <ComparePanel workspaceId={workspaceId} campaignIds={picked} onClear={() => setPicked([])} /> : null}
          <section className={styles.listArea} aria-label="Campaigns">
            <div className={styles.toolbar}>
              <input
                type="search"
                className={styles.search}
                placeholder="Search campaigns by name"
                aria-label="Search campaigns by name"
                defaultValue={state.q}
                maxLength={200}
                onChange={(e) => void setState({ q: e.currentTarget.value, page: 1 }, { history: "replace" })}
              />
              {picked.length === 1 ? <span className={styles.compareBar}>Pick one more campaign to compare.</span> : null}
              <AttributionPicker value={state.attribution} onChange={(d) => void setState({ attribution: d }, { history: "replace" })} />
              {list.data?.sortCurrency ? (
                <span className={overview.muted} title="Revenue is never added across currencies: the revenue columns sort on this one.">
                  revenue sorts in {list.data.sortCurrency}
                </span>
              ) : null}
              {list.data ? (
                <span className={overview.muted}>
                  {formatNumber(list.data.total)} {list.data.total === 1 ? "campaign" : "campaigns"}
                </span>
              ) : null}
            </div>
            {list.isError && !list.data ? (
              <QueryState query={list} what="campaigns">
                {() => null}
              </QueryState>
            ) : (
              <>
                <DataTable
                  table={table}
                  caption="Campaigns"
                  loading={list.isPending}
                  updating={list.isPlaceholderData}
                  onOpenRow={(row) => router.push(campaignHref(workspaceId, row.campaignId))}
                  openHint="Press Enter on a row to open the campaign’s report"
                  empty={
                    <EmptyState title={<>{state.q ? `No campaign named like “${state.q}” in this range` : "No campaigns in this range"}</>}>
                      {state.q ? "Try another spelling or a longer range." : "Pick a longer range to see earlier campaigns."}
                    </EmptyState>
                  }
                />
                {list.data && list.data.total > 0 ? <TablePagination table={table} pageSizes={PAGE_SIZES} noun="campaigns" /> : null}
              </>
            )}
          </section>
          <TimingPanel workspaceId={workspaceId} range={range} />
        </div>
      )}
    </div>
  );
}
