"use client";

import { IntentLink } from "@/components/ui/intent-link";
import { manageHref } from "@/components/manage/tabs";
import { formatMoney, formatNumber } from "@/components/ui/format";
import { KpiCard, KpiRow } from "@/components/ui/kpi-card";
import { Panel } from "@/components/ui/panel";
import { ClientTable } from "@/components/ui/table/client-table";
import { createDataColumnHelper, type DataColumns } from "@/components/ui/table/features";
import type { CampaignReport } from "./format";
import { formatWindow } from "./reply-window";
import styles from "./campaigns.module.css";

const CATEGORY_LABELS: Record<string, string> = {
  marketing: "Marketing",
  utility: "Utility",
  authentication: "Authentication",
  service: "Service",
};

/**
 * What the campaign cost: billable messages by WhatsApp pricing category (from
 * the pricing Meta puts on status webhooks, each message once) and, with the
 * prices an admin set in Manage, the total and the cost per delivered, read
 * and replied recipient. Without prices it shows the counts and where to set them.
 */
export function CostPanel({ report, workspaceId }: { report: CampaignReport; workspaceId: string }) {
  const { cost, counts } = report;
  const pricesLink = <IntentLink href={manageHref(workspaceId, "prices")}>Manage → Prices</IntentLink>;
  return (
    <Panel id="cost" title="Cost" description="Billable messages by WhatsApp pricing category, from the pricing on the status webhooks.">
      {cost.billableMessages === 0 ? (
        <p className={styles.muted}>No billable message of this campaign yet: Meta reports the pricing on the sent, delivered and read statuses.</p>
      ) : (
        <>
          {cost.total !== null ? (
            <KpiRow label="Cost figures">
              <KpiCard testId="cost-total" label="Total" value={formatMoney(cost.total, cost.currency)} hint={`${formatNumber(cost.billableMessages)} billable messages`} />
              <KpiCard testId="cost-per-delivered" label="Per delivered" value={formatMoney(cost.perDelivered, cost.currency)} hint={`${formatNumber(counts.delivered)} delivered`} />
              <KpiCard testId="cost-per-read" label="Per read" value={formatMoney(cost.perRead, cost.currency)} hint={`${formatNumber(counts.read)} read`} />
              <KpiCard
                testId="cost-per-reply"
                label="Per reply"
                value={formatMoney(cost.perReply, cost.currency)}
                hint={`${formatNumber(counts.replied)} replied, ${formatWindow(report.replyWindowHours)} window`}
              />
            </KpiRow>
          ) : null}
          <div style={{ marginTop: 12 }}>
            <ClientTable caption="Billable messages by pricing category" columns={billableColumns(cost.currency)} data={cost.billable} getRowId={(b) => b.category} />
          </div>
          {!cost.pricesSet ? (
            <p className={styles.muted} style={{ marginTop: 12 }}>
              No prices are set for this workspace, so only the counts are shown. An admin sets the price per message of each category in {pricesLink}.
            </p>
          ) : cost.unpriced.length ? (
            <p className={styles.muted} style={{ marginTop: 12 }}>
              No price for {cost.unpriced.map((c) => CATEGORY_LABELS[c] ?? c).join(", ")}: those messages are not in the total. Set it in {pricesLink}.
            </p>
          ) : null}
        </>
      )}
    </Panel>
  );
}

type Billable = NonNullable<CampaignReport["cost"]>["billable"][number];
const billable = createDataColumnHelper<Billable>();

function billableColumns(currency: string | null): DataColumns<Billable> {
  return [
    billable.accessor((b) => CATEGORY_LABELS[b.category] ?? b.category, { id: "category", header: "Category" }),
    billable.accessor("messages", { header: "Billable messages", meta: { align: "end" }, sortDescFirst: true }),
    billable.accessor("price", {
      header: "Price per message",
      meta: { align: "end" },
      cell: ({ row }) => (row.original.price === null ? <span className={styles.muted}>not set</span> : formatMoney(row.original.price, currency)),
    }),
    billable.accessor("cost", { header: "Cost", meta: { align: "end" }, cell: ({ row }) => formatMoney(row.original.cost, currency) }),
  ];
}
