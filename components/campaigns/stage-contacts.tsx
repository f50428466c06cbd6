"use client";

import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { IntentLink } from "@/components/ui/intent-link";
import { useRouter } from "next/navigation";
import { useMemo, useRef } from "react";
import { useKeepInView } from "@/components/ui/use-keep-in-view";
import { formatNumber } from "@/components/ui/format";
import { DataTable } from "@/components/ui/table/data-table";
import { createDataColumnHelper } from "@/components/ui/table/features";
import { TablePagination } from "@/components/ui/table/table-pagination";
import { useServerTable } from "@/components/ui/table/use-server-table";
import { describeError } from "@/components/trpc-error";
import { useTRPC } from "@/components/trpc";
import { EmptyState, QueryState } from "@/components/ui/query-state";
import { Panel } from "@/components/ui/panel";
import { contactLabel, profileHref } from "@/components/unresolved/format";
import { DateTime } from "@/components/workspace-zone";
import { describeGroup, type GroupFilter } from "@/clickhouse/vocabulary/campaign-groups";
import { STAGE_LABELS, type Stage, type StageContactRow } from "./format";
import styles from "./campaigns.module.css";

const PAGE_SIZES = [25, 50, 100] as const;
const NO_HIDDEN = {};
const helper = createDataColumnHelper<StageContactRow>();
const time = (v: string | null) => (v ? <DateTime value={v} className={styles.nowrap} /> : <span className={styles.muted}>—</span>);

function columns(workspaceId: string) {
  return helper.columns([
    helper.accessor("contact", {
      header: "Contact",
      enableSorting: false,
      meta: { skeletonWidth: 120 },
      cell: (c) => (
        <div className={styles.nameCell}>
          <Link href={profileHref(workspaceId, c.getValue())} prefetch={false}>
            {contactLabel({ name: c.row.original.name, contact: c.getValue() })}
          </Link>
          {c.row.original.name ? <span className={styles.sub}>{c.getValue()}</span> : null}
        </div>
      ),
    }),
    helper.accessor("sentAt", { header: "Sent", enableSorting: false, cell: (c) => time(c.getValue()) }),
    helper.accessor("deliveredAt", { header: "Delivered", enableSorting: false, cell: (c) => time(c.getValue()) }),
    helper.accessor("readAt", { header: "Read", enableSorting: false, cell: (c) => time(c.getValue()) }),
    helper.accessor("repliedAt", {
      header: "Replied",
      enableSorting: false,
      cell: (c) => (
        <span title={c.row.original.repliedInWindow ? "No quoted campaign message: counted because it came within the reply window" : undefined}>
          {time(c.getValue())}
          {c.row.original.repliedInWindow ? <span className={styles.sub}> in window</span> : null}
        </span>
      ),
    }),
    helper.accessor("failedAt", {
      header: "Failed",
      enableSorting: false,
      cell: (c) =>
        c.getValue() ? (
          <span title={c.row.original.errorTitle}>
            {time(c.getValue())} <span className={styles.sub}>{c.row.original.errorCode}</span>
          </span>
        ) : (
          time(null)
        ),
    }),
  ]);
}

/** The contacts of one stage (or one error code, or one breakdown cell), a page at a time, and "Save as segment". */
export function StageContacts({
  workspaceId,
  campaignId,
  stage,
  errorCode,
  replyWindowHours,
  attributionDays,
  group,
  page,
  size,
  canSave,
  onPage,
  onClose,
}: {
  workspaceId: string;
  campaignId: string;
  stage: Stage;
  errorCode?: number;
  /** The report's reply window: who replied depends on it. */
  replyWindowHours: number;
  attributionDays: number;
  /** A breakdown cell: only this group's recipients. */
  group?: GroupFilter;
  page: number;
  size: number;
  canSave: boolean;
  onPage: (page: number, size: number) => void;
  /** Closes the list (Esc, or its Close button). */
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const region = useRef<HTMLDivElement>(null);
  // The list opens below the charts: bring it to where the person is looking, and
  // put the keyboard there, each time a stage, error or cell opens it (a new key).
  useKeepInView(region);
  const router = useRouter();
  const input = { workspaceId, campaignId, stage, errorCode, group, replyWindowHours, attributionDays };
  const list = useQuery(trpc.campaigns.contacts.queryOptions({ ...input, page: page - 1, pageSize: size }, { placeholderData: keepPreviousData }));
  const save = useMutation(trpc.campaigns.saveAsSegment.mutationOptions());
  const cols = useMemo(() => columns(workspaceId), [workspaceId]);
  const table = useServerTable<StageContactRow>({
    columns: cols,
    data: list.data?.rows,
    rowCount: list.data?.total,
    getRowId: (r) => r.contact,
    sorting: { id: "contact", desc: false },
    onSortingChange: () => {},
    pagination: { pageIndex: page - 1, pageSize: size },
    onPaginationChange: (p) => onPage(p.pageSize === size ? p.pageIndex + 1 : 1, p.pageSize),
    columnVisibility: NO_HIDDEN,
    onColumnVisibilityChange: () => {},
  });

  const what = `${errorCode !== undefined ? `Failed with error ${errorCode}` : STAGE_LABELS[stage]}${group ? `, ${describeGroup(group)}` : ""}`;
  const total = list.data?.total ?? 0;
  return (
    <div
      ref={region}
      tabIndex={-1}
      className={styles.drillRegion}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.stopPropagation();
          onClose();
        }
      }}
    >
    <Panel
      id="drill-down"
      title={`${what}: ${list.data ? formatNumber(total) : "…"} ${total === 1 ? "contact" : "contacts"}`}
      description="By phone number. Open a contact to read the chat; save the list as a static segment to reach these people again."
      actions={
        <div className={styles.drillActions}>
        {canSave ? (
          <div className={styles.saved}>
            {save.data ? (
              <span role="status">
                Saved as <IntentLink href={`/w/${encodeURIComponent(workspaceId)}/segments/${encodeURIComponent(save.data.segmentId)}`}>{save.data.name}</IntentLink> (
                {formatNumber(save.data.size)})
              </span>
            ) : (
              <button type="button" className="btn btn-small btn-primary" disabled={save.isPending || total === 0} onClick={() => save.mutate(input)}>
                {save.isPending ? "Saving…" : "Save as segment"}
              </button>
            )}
            {save.isError ? (
              <p role="alert" className={styles.muted}>
                {describeError(save.error)}
              </p>
            ) : null}
          </div>
        ) : (
          <span className={styles.muted}>Admins and marketers can save this list as a segment.</span>
        )}
          <button type="button" className="btn btn-small" onClick={onClose} aria-keyshortcuts="Escape" title="Close the list (Esc)">
            Close
          </button>
        </div>
      }
    >
      {list.isError && !list.data ? (
        <QueryState query={list} what="contacts">
          {() => null}
        </QueryState>
      ) : (
        <>
          <DataTable
            table={table}
            caption={`${what} contacts`}
            loading={list.isPending}
            updating={list.isPlaceholderData}
            onOpenRow={(row) => router.push(profileHref(workspaceId, row.contact))}
            openHint="Press Enter on a row to open the contact’s profile"
            empty={
              <EmptyState title="Nobody is in this stage">
                Pick another stage above.
              </EmptyState>
            }
          />
          {total > 0 ? <TablePagination table={table} pageSizes={PAGE_SIZES} noun="contacts" /> : null}
        </>
      )}
    </Panel>
    </div>
  );
}
