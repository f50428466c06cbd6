import Link from "next/link";
import { formatMoney, formatNumber, formatRate, formatRatio, formatRevenue } from "@/components/ui/format";
import { createDataColumnHelper, type DataColumns } from "@/components/ui/table/features";
import { DateTime } from "@/components/workspace-zone";
import { campaignHref, type CampaignListRow } from "./format";
import { RateCell } from "./rate-cell";
import styles from "./campaigns.module.css";

const helper = createDataColumnHelper<CampaignListRow>();
const num = (skeletonWidth = 48) => ({ align: "end" as const, skeletonWidth });

/** The campaign list's columns; the ids are the server's sort keys. */
export function campaignColumns(workspaceId: string): DataColumns<CampaignListRow> {
  return helper.columns([
    helper.accessor("name", {
      header: "Campaign",
      meta: { skeletonWidth: 160 },
      cell: (c) => (
        <div className={styles.nameCell}>
          {/* The row opens on Enter; the link is for the mouse (new tab, copy link). */}
          <Link href={campaignHref(workspaceId, c.row.original.campaignId)} tabIndex={-1} prefetch={false}>
            {c.getValue()}
          </Link>
          {c.row.original.template ? <span className={styles.sub}>{c.row.original.template}</span> : null}
        </div>
      ),
    }),
    helper.accessor("sentAt", {
      header: "Sent",
      sortDescFirst: true,
      meta: { skeletonWidth: 90 },
      cell: (c) => {
        const v = c.getValue();
        return <span className={styles.nowrap}>{v ? <DateTime value={v} /> : <span className={styles.muted}>Not sent</span>}</span>;
      },
    }),
    helper.accessor("recipients", { header: "Recipients", sortDescFirst: true, meta: num(), cell: (c) => formatNumber(c.getValue()) }),
    helper.accessor("delivered", { header: "Delivered", sortDescFirst: true, meta: num(), cell: (c) => formatNumber(c.getValue()) }),
    helper.accessor("read", { header: "Read", sortDescFirst: true, meta: num(), cell: (c) => formatNumber(c.getValue()) }),
    helper.accessor("replied", { header: "Replied", sortDescFirst: true, meta: num(), cell: (c) => formatNumber(c.getValue()) }),
    helper.accessor("failed", { header: "Failed", sortDescFirst: true, meta: num(), cell: (c) => formatNumber(c.getValue()) }),
    helper.accessor("readRate", {
      header: "Read rate",
      sortDescFirst: true,
      meta: { ...num(56), label: "Read rate (read ÷ delivered)" },
      cell: (c) => <RateCell rate={c.getValue()} />,
    }),
    helper.accessor("ignoredRate", {
      header: "Ignored",
      sortDescFirst: true,
      meta: { ...num(56), label: "Ignored rate (delivered, not read ÷ delivered)" },
      cell: (c) => formatRate(c.getValue()),
    }),
    helper.accessor("replyRate", {
      header: "Reply rate",
      sortDescFirst: true,
      meta: { ...num(56), label: "Reply rate (replied ÷ delivered)" },
      cell: (c) => formatRate(c.getValue()),
    }),
    ...conversionColumns(),
  ]);
}

/**
 * What each campaign earned under the list's attribution window. Revenue is
 * per currency; the revenue columns sort on the list's sort currency
 * (`sortCurrency`: the prices' currency, else the one most conversions have).
 * ROAS and cost per conversion need prices and are not sorted on.
 */
function conversionColumns(): DataColumns<CampaignListRow> {
  return helper.columns([
    helper.accessor("conversions", {
      header: "Conversions",
      sortDescFirst: true,
      meta: { ...num(), label: "Conversions attributed (engaged: the contact replied first)" },
      cell: (c) => (
        <span title={`${formatNumber(c.row.original.engaged)} engaged`}>
          {formatNumber(c.getValue())}
          {c.row.original.engaged ? <span className={styles.sub}> {formatNumber(c.row.original.engaged)} engaged</span> : null}
        </span>
      ),
    }),
    helper.accessor("conversionRate", {
      header: "Conv. rate",
      sortDescFirst: true,
      meta: { ...num(56), label: "Conversion rate (contacts who converted ÷ delivered)" },
      cell: (c) => formatRate(c.getValue()),
    }),
    helper.accessor("revenue", {
      header: "Revenue",
      sortDescFirst: true,
      meta: { ...num(80), label: "Revenue, per currency" },
      cell: (c) => <span className={styles.nowrap}>{formatRevenue(c.getValue())}</span>,
    }),
    helper.accessor("revenuePerRecipient", {
      header: "Per recipient",
      sortDescFirst: true,
      meta: { ...num(64), label: "Revenue per recipient, per currency" },
      cell: (c) => <span className={styles.nowrap}>{formatRevenue(c.getValue())}</span>,
    }),
    helper.accessor("roas", {
      header: "ROAS",
      enableSorting: false,
      meta: { ...num(40), label: "ROAS (revenue in the prices' currency ÷ cost)" },
      cell: (c) => (c.getValue() === null ? "—" : `${formatRatio(c.getValue()!)}×`),
    }),
    helper.accessor("costPerConversion", {
      header: "Cost / conv.",
      enableSorting: false,
      meta: { ...num(56), label: "Cost per conversion" },
      cell: (c) => formatMoney(c.getValue(), c.row.original.costCurrency),
    }),
  ]);
}

/** At most this many campaigns are compared at once. */
export const MAX_COMPARE = 5;

/** A checkbox per row that picks the campaign for the comparison above the table. */
export function pickColumn(picked: readonly string[], onToggle: (campaignId: string) => void): DataColumns<CampaignListRow> {
  return helper.columns([
    helper.display({
      id: "pick",
      header: () => <span title={`Pick 2 to ${MAX_COMPARE} campaigns to compare them`}>Compare</span>,
      enableSorting: false,
      meta: { label: "Compare", skeletonWidth: 16 },
      cell: (c) => {
        const id = c.row.original.campaignId;
        const on = picked.includes(id);
        return (
          <input
            type="checkbox"
            className={styles.pick}
            checked={on}
            disabled={!on && picked.length >= MAX_COMPARE}
            onChange={() => onToggle(id)}
            aria-label={`Compare ${c.row.original.name}`}
          />
        );
      },
    }),
  ]);
}
