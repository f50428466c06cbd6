"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import overview from "@/components/overview/overview.module.css";
import { PageHeader } from "@/components/shell/page-header";
import shell from "@/components/shell/shell.module.css";
import { useTRPC } from "@/components/trpc";
import { EmptyState, ErrorState, QueryState } from "@/components/ui/query-state";
import { Panel } from "@/components/ui/panel";
import { useWorkspaceZone } from "@/components/workspace-zone";
import { formatDateTime } from "@/components/ui/format";
import { readBy, readGroup, writeBy, writeGroup, groupKey } from "./breakdown-url";
import { BreakdownsPanel } from "./breakdowns";
import { readAttribution, writeAttribution } from "./attribution-window";
import { ConversionsPanel } from "./conversions-panel";
import { CostPanel } from "./cost-panel";
import { STAGE_LABELS, type Stage } from "./format";
import { FailuresTable, FunnelChart, StageButtons } from "./funnel";
import { ReadCurveChart, ReadDelayChart } from "./read-speed";
import { readReplyWindow, ReplyWindowPicker, writeReplyWindow } from "./reply-window";
import { StageContacts } from "./stage-contacts";
import { SectionIndex } from "@/components/ui/section-index";
import styles from "./campaigns.module.css";

const STAGES = Object.keys(STAGE_LABELS) as Stage[];
const SIZES = [25, 50, 100];

/** The drill-down in the URL: `?stage=failed&code=131026&page=2&size=50`, a breakdown cell's group as in breakdown-url.ts. */
function readDrill(params: Pick<URLSearchParams, "get">) {
  const stage = STAGES.find((s) => s === params.get("stage")) ?? null;
  const code = Number(params.get("code"));
  const page = Number(params.get("page"));
  const size = Number(params.get("size"));
  return {
    stage,
    errorCode: stage === "failed" && params.get("code") !== null && Number.isInteger(code) ? code : undefined,
    group: stage ? readGroup(params) : undefined,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    size: SIZES.includes(size) ? size : 25,
  };
}

/**
 * One campaign: the funnel with its stages, failures by error, how fast
 * people read, and the contacts of the stage picked (kept in the URL).
 */
export function CampaignReportView({ workspaceId, campaignId }: { workspaceId: string; campaignId: string }) {
  const trpc = useTRPC();
  const timeZone = useWorkspaceZone();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const drill = readDrill(searchParams);
  const replyWindowHours = readReplyWindow(searchParams);
  const attributionDays = readAttribution(searchParams);
  const report = useQuery(trpc.campaigns.report.queryOptions({ workspaceId, campaignId, replyWindowHours, attributionDays }, { placeholderData: keepPreviousData }));
  const role = useQuery(trpc.workspaces.current.queryOptions({ workspaceId }));
  const canSave = role.data?.role === "admin" || role.data?.role === "marketer";
  const listHref = `/w/${encodeURIComponent(workspaceId)}/campaigns`;

  const by = readBy(searchParams);
  const setBy = (next: typeof by) => {
    const params = new URLSearchParams(searchParams.toString());
    writeBy(params, next);
    window.history.replaceState(null, "", `${pathname}?${params.toString()}`);
  };

  /** The report's windows, kept by every link the page writes. */
  const windows = () => writeAttribution(writeReplyWindow(new URLSearchParams(), replyWindowHours), attributionDays);

  function openDrill(stage: Stage, errorCode?: number, page = 1, size = drill.size, group?: typeof drill.group) {
    const next = windows();
    writeBy(next, by);
    next.set("stage", stage);
    writeGroup(next, group);
    if (errorCode !== undefined) next.set("code", String(errorCode));
    if (page > 1) next.set("page", String(page));
    if (size !== 25) next.set("size", String(size));
    window.history.pushState(null, "", `${pathname}?${next.toString()}`);
  }

  /** Closes the drill-down, keeping the windows and breakdown the person chose. */
  function closeDrill() {
    const next = windows();
    writeBy(next, by);
    const query = next.toString();
    window.history.pushState(null, "", query ? `${pathname}?${query}` : pathname);
  }

  const back = (
    <Link href={listHref} className={styles.back}>
      ← All campaigns
    </Link>
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
          actions={<ReplyWindowPicker value={replyWindowHours} onChange={(h) => window.history.replaceState(null, "", `${pathname}?${writeReplyWindow(new URLSearchParams(searchParams), h)}`)} />}
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
            onAttribution={(d) => window.history.replaceState(null, "", `${pathname}?${writeAttribution(new URLSearchParams(searchParams), d)}`)}
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
