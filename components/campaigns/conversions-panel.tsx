"use client";

import { IntentLink } from "@/components/ui/intent-link";
import { manageHref } from "@/components/manage/tabs";
import { KpiCard, KpiRow } from "@/components/ui/kpi-card";
import { Panel } from "@/components/ui/panel";
import { AttributionPicker, formatDays } from "./attribution-window";
import type { CampaignReport } from "./format";
import { formatMoney, formatNumber, formatRate, formatRatio, formatRevenue } from "@/components/ui/format";
import styles from "./campaigns.module.css";

/**
 * What the campaign earned: conversions attributed to it (last touch, within
 * the attribution window after the delivery), engaged ones (the contact
 * replied to it), the rate of delivered, revenue and revenue per recipient
 * per currency (never added across currencies), and with prices ROAS and cost
 * per conversion. The count opens the Converted stage's contacts.
 */
export function ConversionsPanel({
  report,
  workspaceId,
  onAttribution,
  onOpen,
}: {
  report: CampaignReport;
  workspaceId: string;
  onAttribution: (days: number) => void;
  onOpen: () => void;
}) {
  const c = report.conversions;
  const window = formatDays(report.attributionDays);
  return (
    <Panel
      id="conversions"
      title="Conversions and revenue"
      description={`Conversions of contacts whose last campaign delivered before them was this one, within ${window} of the delivery.`}
      actions={<AttributionPicker value={report.attributionDays} onChange={onAttribution} />}
    >
      {c.conversions === 0 ? (
        <p className={styles.muted}>
          No conversion within {window} of this campaign’s deliveries. Conversions arrive as <code>conversion</code> events on the Event API.
        </p>
      ) : (
        <KpiRow label="Conversion figures">
          <KpiCard
            testId="conversions-count"
            label="Conversions"
            value={formatNumber(c.conversions)}
            hint={`${formatNumber(c.engaged)} engaged (replied first) · ${formatNumber(c.converted)} contacts`}
          />
          <KpiCard testId="conversion-rate" label="Conversion rate" value={formatRate(c.conversionRate)} hint={`of ${formatNumber(report.counts.delivered)} delivered`} />
          <KpiCard
            testId="conversion-revenue"
            label="Revenue"
            value={formatRevenue(c.revenue)}
            hint={c.withoutValue ? `${formatNumber(c.withoutValue)} conversions without a value` : "every conversion with a value"}
          />
          <KpiCard testId="revenue-per-recipient" label="Revenue per recipient" value={formatRevenue(c.revenuePerRecipient)} hint={`${formatNumber(report.counts.sent)} recipients`} />
          {c.costCurrency ? (
            <>
              <KpiCard testId="conversion-roas" label="ROAS" value={c.roas === null ? "—" : `${formatRatio(c.roas)}×`} hint={`revenue in ${c.costCurrency} ÷ cost`} />
              <KpiCard testId="cost-per-conversion" label="Cost per conversion" value={formatMoney(c.costPerConversion, c.costCurrency)} hint={`cost ${formatMoney(report.cost.total, c.costCurrency)}`} />
            </>
          ) : null}
        </KpiRow>
      )}
      <p className={styles.muted} style={{ marginTop: 12 }}>
        {c.converted > 0 ? (
          <button type="button" className={styles.linkButton} onClick={onOpen} data-testid="open-converted">
            Show the {formatNumber(c.converted)} contacts who converted
          </button>
        ) : null}
        {c.conversions > 0 && !c.costCurrency ? (
          <>
            {c.converted > 0 ? " · " : null}ROAS and cost per conversion need prices: <IntentLink href={manageHref(workspaceId, "prices")}>Manage → Prices</IntentLink>.
          </>
        ) : null}
      </p>
    </Panel>
  );
}
