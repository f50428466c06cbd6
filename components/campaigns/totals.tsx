import type { ReactNode } from "react";
import { Delta } from "@/components/overview/delta";
import { formatNumber, formatRate } from "@/components/ui/format";
import overview from "@/components/overview/overview.module.css";
import { type CampaignOutputs } from "./format";

type Totals = CampaignOutputs["summary"]["totals"];
type Previous = CampaignOutputs["summary"]["previous"];

function Card({ testId, label, value, hint, delta }: { testId: string; label: string; value: ReactNode; hint?: ReactNode; delta?: ReactNode }) {
  return (
    <div className={overview.stat} data-testid={testId}>
      <span className={overview.statLabel}>{label}</span>
      <span className={overview.statValue}>{value}</span>
      {delta}
      {hint ? <span className={overview.statHint}>{hint}</span> : null}
    </div>
  );
}

/** The range's headline: campaigns and people reached, and how they reacted, each beside the period before. */
export function TotalsCards({ totals, previous }: { totals: Totals; previous: Previous }) {
  const delta = (key: "campaigns" | "delivered" | "readRate" | "replyRate") =>
    previous ? (
      <Delta current={totals[key]} previous={previous.totals[key]} range={previous.range} kind={key.endsWith("Rate") ? "rate" : "count"} />
    ) : null;
  return (
    <section aria-label="Totals of the range" className={overview.kpis}>
      <Card
        testId="total-campaigns"
        label="Campaigns sent"
        value={<data value={totals.campaigns}>{formatNumber(totals.campaigns)}</data>}
        delta={delta("campaigns")}
        hint={`${formatNumber(totals.recipients)} messages · ${formatNumber(totals.failed)} failed`}
      />
      <Card
        testId="total-delivered"
        label="Delivered"
        value={<data value={totals.delivered}>{formatNumber(totals.delivered)}</data>}
        delta={delta("delivered")}
        hint={totals.recipients ? `${formatRate(totals.delivered / totals.recipients)} of messages sent` : "Nothing sent in this range"}
      />
      <Card
        testId="total-read-rate"
        label="Read rate"
        value={formatRate(totals.readRate)}
        delta={delta("readRate")}
        hint={`${formatNumber(totals.read)} read · ${formatRate(totals.ignoredRate)} ignored`}
      />
      <Card
        testId="total-reply-rate"
        label="Reply rate"
        value={formatRate(totals.replyRate)}
        delta={delta("replyRate")}
        hint={`${formatNumber(totals.replied)} replied, of delivered`}
      />
    </section>
  );
}
