import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { RelativeTime } from "@/components/ui/relative-time";
import { formatNumber } from "@/components/ui/format";
import { createDataColumnHelper, type DataColumns } from "@/components/ui/table/features";
import { BROADCAST_LABEL_PREFIX } from "@/clickhouse/vocabulary/broadcast-tag";
import type { AppRouter } from "@/server/routers/_app";
import { profileHref } from "./url-state";
import styles from "./contacts.module.css";

export type ContactRow = inferRouterOutputs<AppRouter>["contacts"]["list"]["rows"][number];

const STATUS_LABEL = {
  active: "Active",
  requesting: "Requesting",
  intervened: "Intervened",
  closed: "Closed",
  history: "History",
} as const;
export type ShownStatus = keyof typeof STATUS_LABEL;

export function statusLabel(status: ShownStatus): string {
  return STATUS_LABEL[status];
}

/** A few tags fit in a row; the rest are counted, and all of them are in the tooltip. */
const TAGS_SHOWN = 2;

const helper = createDataColumnHelper<ContactRow>();

/** The Contacts table's columns; the ids are the server's sort keys (and the URL's `cols`). */
export function contactColumns(workspaceId: string): DataColumns<ContactRow> {
  return helper.columns([
    helper.accessor("phone", {
      header: "Phone",
      enableHiding: false,
      meta: { skeletonWidth: 110 },
      cell: (c) => (
        // Out of the tab order: the row itself is focusable and opens on Enter; the link is for the mouse (new tab, copy link).
        // No prefetch: a page of 100 rows would otherwise fetch 100 profiles nobody asked for.
        <Link href={profileHref(workspaceId, c.getValue())} className={styles.phone} tabIndex={-1} prefetch={false}>
          {c.getValue()}
        </Link>
      ),
    }),
    helper.accessor("name", {
      header: "Name",
      meta: { skeletonWidth: 120 },
      cell: (c) => {
        const match = c.row.original.matchedAttribute;
        return (
          <div className={styles.nameCell}>
            {c.getValue() ? (
              <span className={styles.truncate} title={c.getValue()}>
                {c.getValue()}
              </span>
            ) : (
              <span className={styles.muted}>No name</span>
            )}
            {match ? (
              <span className={styles.match} title={`The search matched ${match.name}`}>
                {match.name}: {match.value}
              </span>
            ) : null}
          </div>
        );
      },
    }),
    helper.accessor((r): ShownStatus => (r.inHistory ? "history" : r.status), {
      id: "status",
      header: "Status",
      meta: { skeletonWidth: 80 },
      cell: (c) => <StatusBadge shown={c.getValue()} underlying={c.row.original.status} />,
    }),
    helper.accessor("lastActive", {
      header: "Last active",
      sortDescFirst: true,
      meta: { skeletonWidth: 90 },
      cell: (c) => {
        const v = c.getValue();
        return <span className={styles.nowrap}>{v ? <RelativeTime value={v} /> : <span className={styles.muted}>Never wrote</span>}</span>;
      },
    }),
    helper.accessor("source", {
      header: "Source",
      meta: { skeletonWidth: 70 },
      cell: (c) =>
        c.getValue() ? (
          <span className={styles.source} title={[c.getValue(), c.row.original.sourceDetail].filter(Boolean).join(" · ")}>
            {c.getValue()}
          </span>
        ) : (
          <span className={styles.muted}>—</span>
        ),
    }),
    helper.accessor("firstMessageTag", {
      header: "First-message tag",
      meta: { skeletonWidth: 80 },
      // A long tag is cut to the column; its whole name is on hover.
      cell: (c) =>
        c.getValue() ? (
          <span className={styles.tag} title={c.getValue()}>
            {c.getValue()}
          </span>
        ) : (
          <span className={styles.muted}>—</span>
        ),
    }),
    helper.accessor("tags", {
      header: "Tags",
      enableSorting: false,
      meta: { skeletonWidth: 110 },
      cell: (c) => <Tags tags={c.getValue()} />,
    }),
    helper.accessor("unresolvedQueries", {
      header: "Unresolved",
      sortDescFirst: true,
      meta: { align: "end", label: "Unresolved queries", skeletonWidth: 24 },
      cell: (c) => <span className={c.getValue() ? styles.attention : styles.muted}>{formatNumber(c.getValue())}</span>,
    }),
    helper.accessor("templateMessages", {
      header: "Templates",
      sortDescFirst: true,
      meta: { align: "end", label: "Template messages", skeletonWidth: 24 },
      cell: (c) => formatNumber(c.getValue()),
    }),
    helper.accessor("sessionMessages", {
      header: "Sessions",
      sortDescFirst: true,
      meta: { align: "end", label: "Session messages", skeletonWidth: 24 },
      cell: (c) => formatNumber(c.getValue()),
    }),
    helper.accessor("firstSeen", {
      header: "First seen",
      sortDescFirst: true,
      meta: { skeletonWidth: 90 },
      cell: (c) => (
        <span className={styles.nowrap}>
          <RelativeTime value={c.getValue()} />
        </span>
      ),
    }),
  ]);
}

export function StatusBadge({ shown, underlying }: { shown: ShownStatus; underlying?: ContactRow["status"] }) {
  // A quiet chat shows as history, as on Overview; an unanswered request in it is still worth seeing.
  const waiting = shown === "history" && underlying === "requesting";
  return (
    <span className={styles.status} data-status={shown} title={waiting ? "Quiet for 24 hours, with a request still open" : undefined}>
      <span className={styles.dot} aria-hidden="true" />
      {STATUS_LABEL[shown]}
      {waiting ? <span className={styles.waiting}>· request open</span> : null}
    </span>
  );
}

function Tags({ tags }: { tags: string[] }) {
  if (tags.length === 0) return <span className={styles.muted}>—</span>;
  // The tags people set come first; campaigns only add to the count, so a busy
  // contact's row stays as narrow as a quiet one's. The whole list is on hover.
  const own = tags.filter((t) => !t.startsWith(BROADCAST_LABEL_PREFIX));
  const broadcasts = tags.length - own.length;
  const shown = own.slice(0, TAGS_SHOWN);
  const more = tags.length - shown.length;
  return (
    <span className={styles.tags} title={tags.join(", ")}>
      {shown.map((t) => (
        <span key={t} className={styles.tag}>
          {t}
        </span>
      ))}
      {shown.length === 0 ? (
        <span className={styles.tag}>
          {broadcasts} {broadcasts === 1 ? "broadcast" : "broadcasts"}
        </span>
      ) : more > 0 ? (
        <span className={styles.more}>+{more}</span>
      ) : null}
    </span>
  );
}
