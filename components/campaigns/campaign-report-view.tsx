"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { IntentLink } from "@/components/ui/intent-link";
import overview from "@/components/overview/overview.module.css";
import { PageHeader } from "@/components/shell/page-header";
import shell from "@/components/shell/shell.module.css";
import { useTRPC } from "@/components/trpc";
import { EmptyState, ErrorState, QueryState } from "@/components/ui/query-state";
import { Panel } from "@/components/ui/panel";
import { useWorkspaceZone } from "@/components/workspace-zone";
import { formatDateTime } from "@/components/ui/format";
import { groupKey } from "./breakdown-labels";
import { BreakdownsPanel } from "./breakdowns";
import { ConversionsPanel } from "./conversions-panel";
import { CostPanel } from "./cost-panel";
import type { Stage } from "./format";
import { FailuresTable, FunnelChart, StageButtons } from "./funnel";
import { ReadCurveChart, ReadDelayChart } from "./read-speed";
import { ReplyWindowPicker } from "./reply-window";
import { PAGE_SIZES } from "./url-state";
import { breakdownOf, breakdownParams, drillOf, groupParams, useReportParams } from "./search-params";
import { StageContacts } from "./stage-contacts";
import { SectionIndex } from "@/components/ui/section-index";
import styles from "./campaigns.module.css";

/**
 * One campaign: the funnel with its stages, failures by error, how fast
 * people read, and the contacts of the stage picked (kept in the URL).
 */
export function CampaignReportView({ workspaceId, campaignId }: { workspaceId: string; campaignId: string }) {
  const trpc = useTRPC();
  const timeZone = useWorkspaceZone();
  const [params, setParams] = useReportParams();
  const drill = drillOf(params);
  const replyWindowHours = params.window;
  const attributionDays = params.attribution;
  const report = useQuery(trpc.campaigns.report.queryOptions({ workspaceId, campaignId, replyWindowHours, attributionDays }, { placeholderData: keepPreviousData }));
  const role = useQuery(trpc.workspaces.current.queryOptions({ workspaceId }));
  const canSave = role.data?.role === "admin" || role.data?.role === "marketer";
  const listHref = `/w/${encodeURIComponent(workspaceId)}/campaigns`;

  const by = breakdownOf(params);
  const setBy = (next: typeof by) => void setParams(breakdownParams(next), { history: "replace" });
  /** Every parameter of the drill-down, cleared: opening or closing one starts from the funnel's own choices. */
  const NO_DRILL = { stage: null, code: null, page: null, size: null, ...groupParams(undefined) };

  /** A drill-down is a history entry: Back closes it, or returns to the previous page of contacts. */
  function openDrill(stage: Stage, errorCode?: number, page = 1, size: number = drill.size, group?: typeof drill.group) {
    const pageSize = PAGE_SIZES.find((s) => s === size) ?? null;
    void setParams({ ...NO_DRILL, stage, code: errorCode ?? null, page, size: pageSize, ...groupParams(group) }, { history: "push" });
  }

  /** Closes the drill-down, keeping the windows and breakdown the person chose. */
  function closeDrill() {
    void setParams(NO_DRILL, { history: "push" });
  }

  const back = (
    <IntentLink href={listHref} className={styles.back}>
      ← All campaigns
    </IntentLink>
  );

  if (report.isError && !report.data) {
    const notFound = (report.error as { data?: { code?: string } })?.data?.code === "NOT_FOUND";
    return (
      <div className={shell.page}>
        {back}
        <PageHeader title="Campaign" />
        {notFound ? (
          <div role="alert" className="alert">
            <strong>This campaign does not exist in this workspace.</strong>
            It may have another id; pick it from the list.
          </div>
        ) : (
          <ErrorState what="The campaign" error={report.error} onRetry={() => void report.refetch()} retrying={report.isFetching} />
        )}
      </div>
    );
  }

  const data = report.data;
  return (
    <div className={shell.page}>
      {back}
      <PageHeader
        title={data?.campaign.name ?? "Campaign"}
        description={
          data ? (
            <>
              {data.campaign.template ? <>Template {data.campaign.template} · </> : null}
              {data.campaign.sentAt ? `Sent ${formatDateTime(data.campaign.sentAt, timeZone)} ${timeZone}` : "Not sent yet"}
              <span className={overview.muted}> · a reply counts as read, a read as delivered</span>
            </>
          ) : (
            "Loading…"
          )
        }
      />
      <div className={overview.body}>
        <SectionIndex
          sections={[
            { headingId: "funnel-title", label: "Funnel" },
            { headingId: "failures-title", label: "Failures" },
            { headingId: "read-speed-title", label: "Read speed" },
            { headingId: "conversions-title", label: "Conversions" },
            { headingId: "cost-title", label: "Cost" },
            { headingId: "breakdowns-title", label: "Breakdowns" },
          ]}
        />
        <Panel
          id="funnel"
          title="Funnel"
          description="Sent → delivered → read → replied → converted. Press a stage to list its contacts."
          actions={<ReplyWindowPicker value={replyWindowHours} onChange={(h) => void setParams({ window: h }, { history: "replace" })} />}
        >
          <QueryState query={report} what="funnel" skeletonHeight={300}>
            {(r) =>
              r.counts.sent === 0 ? (
                <EmptyState title="This campaign has not reached anyone yet">
                  Its figures appear as its messages go out and their ticks come back.
                </EmptyState>
              ) : (
                <>
                  <FunnelChart report={r} />
                  <StageButtons report={r} selected={drill.errorCode === undefined && !drill.group ? drill.stage : null} onSelect={(s) => openDrill(s)} />
                </>
              )
            }
          </QueryState>
        </Panel>
        {data && data.counts.sent > 0 ? (
          <div className={styles.twoColumns}>
            <Panel id="failures" title="Failed, by error" description="Messages that never reached the phone, by WhatsApp’s error code.">
              {data.failed.byError.length === 0 ? (
                <p className={overview.muted}>No message of this campaign failed.</p>
              ) : (
                <FailuresTable report={data} onSelect={(code) => openDrill("failed", code)} />
              )}
            </Panel>
            <Panel id="read-speed" title="How fast people read" description="Delays from the ticks; a read without a delivered tick counts as delivered then.">
              {data.counts.read === 0 ? (
                <p className={overview.muted}>Nobody has read this campaign yet.</p>
              ) : (
                <>
                  <ReadDelayChart report={data} />
                  <ReadCurveChart report={data} />
                </>
              )}
            </Panel>
          </div>
        ) : null}
        {data && data.counts.sent > 0 ? (
          <ConversionsPanel
            report={data}
            workspaceId={workspaceId}
            onAttribution={(d) => void setParams({ attribution: d }, { history: "replace" })}
            onOpen={() => openDrill("converted")}
          />
        ) : null}
        {data && data.counts.sent > 0 ? <CostPanel report={data} workspaceId={workspaceId} /> : null}
        {data && data.counts.sent > 0 ? (
          <BreakdownsPanel
            workspaceId={workspaceId}
            campaignId={campaignId}
            replyWindowHours={replyWindowHours}
            by={by}
            onBy={setBy}
            selected={drill}
            onOpen={(stage, group) => openDrill(stage, undefined, 1, drill.size, group)}
          />
        ) : null}
        {drill.stage ? (
          <StageContacts
            key={`${drill.stage}/${drill.errorCode ?? ""}/${groupKey(drill.group)}/${replyWindowHours}/${attributionDays}`}
            workspaceId={workspaceId}
            campaignId={campaignId}
            stage={drill.stage}
            errorCode={drill.errorCode}
            replyWindowHours={replyWindowHours}
            attributionDays={attributionDays}
            group={drill.group}
            page={drill.page}
            size={drill.size}
            canSave={canSave}
            onPage={(page, size) => openDrill(drill.stage!, drill.errorCode, page, size, drill.group)}
            onClose={closeDrill}
          />
        ) : null}
      </div>
    </div>
  );
}
