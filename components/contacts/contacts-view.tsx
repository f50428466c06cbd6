"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { IntentLink } from "@/components/ui/intent-link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo } from "react";
import { PageHeader } from "@/components/shell/page-header";
import shell from "@/components/shell/shell.module.css";
import { ColumnPicker } from "@/components/ui/table/column-picker";
import { DataTable } from "@/components/ui/table/data-table";
import { TablePagination } from "@/components/ui/table/table-pagination";
import { useServerTable } from "@/components/ui/table/use-server-table";
import { EmptyState, ErrorState } from "@/components/ui/query-state";
import { useTRPC } from "@/components/trpc";
import { formatNumber } from "@/components/ui/format";
import { contactColumns, statusLabel, type ContactRow } from "./columns";
import { ContactsFilters } from "./contacts-filters";
import {
  COLUMN_IDS,
  DEFAULT_STATE,
  hasFilters,
  PAGE_SIZES,
  profileHref,
  SORT_COLUMNS,
  type ContactsTableState,
  type PageSize,
} from "./url-state";
import { contactsListInput, useContactsState } from "./search-params";
import styles from "./contacts.module.css";

const rowId = (row: ContactRow) => row.phone;

export function ContactsView({ workspaceId }: { workspaceId: string }) {
  const router = useRouter();
  const [state, navigate] = useContactsState();
  const trpc = useTRPC();

  // Keep the last page on screen, dimmed, while the next one loads.
  const list = useQuery(trpc.contacts.list.queryOptions(contactsListInput(workspaceId, state), { placeholderData: keepPreviousData }));
  const options = useQuery(trpc.contacts.filterOptions.queryOptions({ workspaceId }, { staleTime: 5 * 60_000 }));

  const columns = useMemo(() => contactColumns(workspaceId), [workspaceId]);
  const colsKey = state.cols.join(",");
  const columnVisibility = useMemo(
    () => Object.fromEntries(COLUMN_IDS.map((id) => [id, colsKey.split(",").includes(id)])),
    [colsKey],
  );

  const table = useServerTable<ContactRow>({
    columns,
    data: list.data?.rows,
    rowCount: list.data?.total,
    getRowId: rowId,
    sorting: { id: state.sort, desc: state.desc },
    onSortingChange: (s) => {
      const sort = SORT_COLUMNS.find((c) => c === s.id);
      if (sort) navigate({ ...state, sort, desc: s.desc, page: 1 });
    },
    pagination: { pageIndex: state.page - 1, pageSize: state.size },
    onPaginationChange: (p) => {
      const size = PAGE_SIZES.find((s) => s === p.pageSize) ?? state.size;
      navigate({ ...state, page: size === state.size ? p.pageIndex + 1 : 1, size: size as PageSize });
    },
    columnVisibility,
    onColumnVisibilityChange: (v) => navigate({ ...state, cols: COLUMN_IDS.filter((id) => id === "phone" || v[id] !== false) }),
  });

  // A link to a page past the end (the list shrank since it was shared): go to the last page there is.
  const pageCount = list.data && !list.isPlaceholderData ? list.data.pageCount : null;
  useEffect(() => {
    if (pageCount !== null && list.data!.total > 0 && state.page > pageCount) navigate({ ...state, page: pageCount }, "replace");
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pageCount, state.page]);

  const filtersOn = hasFilters(state);
  const clearFilters = () => navigate({ ...state, q: "", status: undefined, source: undefined, tag: undefined, page: 1 });

  return (
    <div className={shell.page}>
      <PageHeader
        title="Contacts"
        description={
          list.data ? (
            <>
              <data value={list.data.total}>{formatNumber(list.data.total)}</data> {filtersOn ? "matching" : ""}{" "}
              {list.data.total === 1 ? "contact" : "contacts"}
            </>
          ) : (
            "Every person who chats with this workspace"
          )
        }
      />
      <div className={styles.toolbar}>
        <ContactsFilters
          state={state}
          sources={options.data?.sources}
          tags={options.data?.tags}
          onSearch={(q) => navigate({ ...state, q, page: 1 }, "replace")}
          onFilter={(change) => navigate({ ...state, ...change, page: 1 })}
          onClear={clearFilters}
        />
        <ColumnPicker table={table} onReset={() => navigate({ ...state, cols: DEFAULT_STATE.cols })} />
      </div>
      {list.isError ? (
        <ErrorState what="The contacts" error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
      ) : null}
      {list.isError && !list.data ? null : (
        <div className={styles.tableArea}>
          {list.isPlaceholderData ? (
            <p role="status" className={styles.updating}>
              Updating…
            </p>
          ) : null}
          <DataTable
            table={table}
            caption="Contacts"
            loading={list.isPending}
            updating={list.isPlaceholderData}
            onOpenRow={(row) => router.push(profileHref(workspaceId, row.phone))}
            openHint="Press Enter on a row to open the contact’s profile"
            empty={
              filtersOn ? (
                <NoMatches
                  state={state}
                  tagLabel={options.data?.tags.find((t) => t.value === state.tag)?.label ?? state.tag}
                  onClear={clearFilters}
                />
              ) : (
                <NoContacts workspaceId={workspaceId} />
              )
            }
          />
          {list.data && list.data.total > 0 ? <TablePagination table={table} pageSizes={PAGE_SIZES} noun="contacts" /> : null}
        </div>
      )}
    </div>
  );
}

function NoMatches({ state, tagLabel, onClear }: { state: ContactsTableState; tagLabel?: string; onClear: () => void }) {
  const parts = [
    state.q.trim() ? `“${state.q.trim()}”` : null,
    state.status ? `status ${statusLabel(state.status)}` : null,
    state.source ? `source ${state.source}` : null,
    state.tag ? `tag ${tagLabel}` : null,
  ].filter(Boolean);
  return (
    <EmptyState
      title={<>No contacts match {parts.join(", ")}</>}
      action={
        <button type="button" className="btn btn-small" onClick={onClear}>
          Clear filters
        </button>
      }
    >
      Search looks at phone numbers, names and attribute values. Try fewer filters or another spelling.
    </EmptyState>
  );
}

function NoContacts({ workspaceId }: { workspaceId: string }) {
  return (
    <EmptyState
      title="No contacts yet"
      action={
        <IntentLink href={`/w/${encodeURIComponent(workspaceId)}/manage/import`} className="btn btn-small">
          Import contacts
        </IntentLink>
      }
    >
      Contacts appear here as customers write to you or your campaigns reach them. You can also import a list.
    </EmptyState>
  );
}
