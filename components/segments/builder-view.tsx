"use client";

import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { IntentLink } from "@/components/ui/intent-link";
import { useMemo } from "react";
import { ErrorState } from "@/components/ui/query-state";
import { PageHeader } from "@/components/shell/page-header";
import shell from "@/components/shell/shell.module.css";
import { useTRPC } from "@/components/trpc";
import type { AppRouter } from "@/server/routers/_app";
import type { FilterTree } from "@/clickhouse/vocabulary/filter-tree";
import { AudienceSize } from "./audience-size";
import { DestinationsPanel } from "./destinations-panel";
import { ExportCard } from "./export-card";
import { FilterEditor } from "./filter-editor";
import { HistoryCard } from "./history-card";
import { PreviewTable } from "./preview-table";
import { SaveCard } from "./save-card";
import { SizeHistoryPanel } from "./size-history-panel";
import { countConditions } from "./tree-edit";
import { useSegmentTree } from "./use-segment-tree";
import styles from "./segments.module.css";

type Options = inferRouterOutputs<AppRouter>["segments"]["options"];
type Saved = inferRouterOutputs<AppRouter>["segments"]["get"];

/** The segment builder, for a new segment or a saved one (`segmentId`). */
export function BuilderView({ workspaceId, segmentId }: { workspaceId: string; segmentId?: string }) {
  const trpc = useTRPC();
  const options = useQuery(trpc.segments.options.queryOptions({ workspaceId }));
  const role = useQuery(trpc.workspaces.current.queryOptions({ workspaceId }));
  const saved = useQuery(trpc.segments.get.queryOptions({ workspaceId, segmentId: segmentId ?? "" }, { enabled: !!segmentId }));

  const title = segmentId ? (saved.data?.name ?? "Segment") : "New segment";
  const failed = options.error ?? saved.error;
  if (failed) {
    return (
      <div className={shell.page}>
        <PageHeader title={title} />
        <ErrorState what="The segment builder" error={failed} onRetry={() => void (options.refetch(), saved.refetch())} retrying={options.isFetching || saved.isFetching} />
      </div>
    );
  }
  if (!options.data || (segmentId && !saved.data)) {
    return (
      <div className={shell.page}>
        <PageHeader title={title} />
        <div className={styles.panel} aria-busy="true">
          <span className={styles.skeleton} style={{ width: "60%", height: 18 }} />
        </div>
      </div>
    );
  }
  const canEdit = role.data?.role === "admin" || role.data?.role === "marketer";
  return (
    <Builder key={segmentId ?? "new"} workspaceId={workspaceId} options={options.data} saved={saved.data} canEdit={canEdit} />
  );
}

function Builder({ workspaceId, options, saved, canEdit }: { workspaceId: string; options: Options; saved?: Saved; canEdit: boolean }) {
  const ctx = useMemo(() => ({ attributes: options.attributes }), [options.attributes]);
  const { tree, setTree, problems, valid, countable, pending, stale, settling } = useSegmentTree((saved?.tree as FilterTree | undefined) ?? null, ctx);
  const trpc = useTRPC();
  const count = useQuery(trpc.segments.count.queryOptions({ workspaceId, tree: countable! }, { enabled: countable !== null }));
  // Saved and exported only when every rule is finished: the audience shown leaves unfinished ones out, a file must not differ from it.
  const ready = pending === 0 ? valid : null;
  const dirty = saved ? JSON.stringify(valid ?? tree) !== JSON.stringify(saved.tree) : true;
  const rules = countConditions(tree);
  const segmentsHref = `/w/${encodeURIComponent(workspaceId)}/segments`;

  return (
    <div className={shell.page}>
      <PageHeader
        title={saved?.name ?? "New segment"}
        description={
          <>
            <IntentLink href={segmentsHref}>Segments</IntentLink> · {saved?.description || `${rules} ${rules === 1 ? "rule" : "rules"}`}
            {saved && dirty ? <span className={styles.unsaved}> · unsaved changes</span> : null}
          </>
        }
      />
      <div className={styles.builder}>
        <section className={styles.panel} aria-labelledby="rules-title">
          <div className={styles.panelHeader}>
            <div>
              <h2 id="rules-title">Rules</h2>
              <p>Combine conditions in groups; NOT excludes what a rule or group matches. The link in the address bar shares these rules.</p>
            </div>
            {tree.children.length ? (
              <button type="button" className="btn btn-small" onClick={() => setTree({ kind: "group", join: "and", children: [] })}>
                Clear all
              </button>
            ) : null}
          </div>
          <FilterEditor tree={tree} onChange={setTree} options={options} problems={problems} />
        </section>
        <aside className={styles.side}>
          <AudienceSize workspaceId={workspaceId} tree={countable} pending={pending} stale={stale} settling={settling} />
          <SaveCard workspaceId={workspaceId} saved={saved} tree={ready} waiting={pending} dirty={dirty} canEdit={canEdit} />
          <ExportCard workspaceId={workspaceId} tree={ready} segmentId={saved && !dirty ? saved.segmentId : undefined} attributes={options.attributes} canExport={canEdit} />
          {saved ? <HistoryCard workspaceId={workspaceId} segmentId={saved.segmentId} history={saved.history} /> : null}
        </aside>
      </div>
      <PreviewTable workspaceId={workspaceId} tree={countable} total={count.data?.matching} />
      {saved?.kind === "dynamic" ? <SizeHistoryPanel workspaceId={workspaceId} segmentId={saved.segmentId} /> : null}
      {saved ? <DestinationsPanel workspaceId={workspaceId} segmentId={saved.segmentId} /> : null}
    </div>
  );
}
