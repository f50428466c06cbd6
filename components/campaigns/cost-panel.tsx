"use client";

import Link from "next/link";
import { manageHref } from "@/components/manage/tabs";
import { formatNumber } from "@/components/overview/format";
import overview from "@/components/overview/overview.module.css";
import { Panel } from "@/components/ui/panel";
import type { CampaignReport } from "./format";
import { formatMoney } from "./money";
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
  const pricesLink = <Link href={manageHref(workspaceId, "prices")}>Manage → Prices</Link>;
  return (
    <Panel id="cost" title="Cost" description="Billable messages by WhatsApp pricing category, from the pricing on the status webhooks.">
      {cost.billableMessages === 0 ? (
        <p className={styles.muted}>No billable message of this campaign yet: Meta reports the pricing on the sent, delivered and read statuses.</p>
      ) : (
        <>
          {cost.total !== null ? (
            <div className={overview.kpis} aria-label="Cost figures">
              <Figure testId="cost-total" label="Total" value={formatMoney(cost.total, cost.currency)} hint={`${formatNumber(cost.billableMessages)} billable messages`} />
              <Figure testId="cost-per-delivered" label="Per delivered" value={formatMoney(cost.perDelivered, cost.currency)} hint={`${formatNumber(counts.delivered)} delivered`} />
              <Figure testId="cost-per-read" label="Per read" value={formatMoney(cost.perRead, cost.currency)} hint={`${formatNumber(counts.read)} read`} />
              <Figure
                testId="cost-per-reply"
                label="Per reply"
                value={formatMoney(cost.perReply, cost.currency)}
                hint={`${formatNumber(counts.replied)} replied, ${formatWindow(report.replyWindowHours)} window`}
              />
            </div>
          ) : null}
          <table className={styles.errors} style={{ marginTop: 12 }}>
            <caption className="visually-hidden">Billable messages by pricing category</caption>
            <thead>
              <tr>
                <th scope="col">Category</th>
                <th scope="col" data-num>
                  Billable messages
                </th>
                <th scope="col" data-num>
                  Price per message
                </th>
                <th scope="col" data-num>
                  Cost
                </th>
              </tr>
            </thead>
            <tbody>
              {cost.billable.map((b) => (
                <tr key={b.category}>
                  <td>{CATEGORY_LABELS[b.category] ?? b.category}</td>
                  <td data-num>{formatNumber(b.messages)}</td>
                  <td data-num>{b.price === null ? <span className={styles.muted}>not set</span> : formatMoney(b.price, cost.currency)}</td>
                  <td data-num>{formatMoney(b.cost, cost.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
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

export function Figure({ testId, label, value, hint }: { testId: string; label: string; value: string; hint: string }) {
  return (
    <div className={overview.stat} data-testid={testId}>
      <span className={overview.statLabel}>{label}</span>
      <span className={overview.statValue}>{value}</span>
      <span className={overview.statHint}>{hint}</span>
    </div>
  );
}
