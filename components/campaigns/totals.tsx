import type { ReactNode } from "react";
import { formatNumber } from "@/components/overview/format";
import overview from "@/components/overview/overview.module.css";
import { formatRate, type CampaignOutputs } from "./format";

type Totals = CampaignOutputs["summary"]["totals"];

function Card({ testId, label, value, hint }: { testId: string; label: string; value: ReactNode; hint?: ReactNode }) {
  return (
    <div className={overview.stat} data-testid={testId}>
      <span className={overview.statLabel}>{label}</span>
      <span className={overview.statValue}>{value}</span>
      {hint ? <span className={overview.statHint}>{hint}</span> : null}
    </div>
  );
}

/** The range's headline: campaigns and people reached, and how they reacted. */
export function TotalsCards({ totals }: { totals: Totals }) {
  return (
    <section aria-label="Totals of the range" className={overview.kpis}>
      <Card
        testId="total-campaigns"
        label="Campaigns sent"
        value={<data value={totals.campaigns}>{formatNumber(totals.campaigns)}</data>}
        hint={`${formatNumber(totals.recipients)} messages · ${formatNumber(totals.failed)} failed`}
      />
      <Card
        testId="total-delivered"
        label="Delivered"
        value={<data value={totals.delivered}>{formatNumber(totals.delivered)}</data>}
        hint={totals.recipients ? `${formatRate(totals.delivered / totals.recipients)} of messages sent` : "Nothing sent in this range"}
      />
      <Card
        testId="total-read-rate"
        label="Read rate"
        value={formatRate(totals.readRate)}
        hint={`${formatNumber(totals.read)} read · ${formatRate(totals.ignoredRate)} ignored`}
      />
      <Card
        testId="total-reply-rate"
        label="Reply rate"
        value={formatRate(totals.replyRate)}
        hint={`${formatNumber(totals.replied)} replied, of delivered`}
      />
    </section>
  );
}
