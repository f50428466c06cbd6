import { Delta } from "@/components/ui/delta";
import { KpiCard, KpiRow } from "@/components/ui/kpi-card";
import { formatNumber, formatRate } from "@/components/ui/format";
import { type CampaignOutputs } from "./format";

type Totals = CampaignOutputs["summary"]["totals"];
type Previous = CampaignOutputs["summary"]["previous"];

/** The range's headline: campaigns and people reached, and how they reacted, each beside the period before. */
export function TotalsCards({ totals, previous }: { totals: Totals; previous: Previous }) {
  const delta = (key: "campaigns" | "delivered" | "readRate" | "replyRate") =>
    previous ? (
      <Delta current={totals[key]} previous={previous.totals[key]} range={previous.range} kind={key.endsWith("Rate") ? "rate" : "count"} />
    ) : null;
  return (
    <KpiRow label="Totals of the range">
      <KpiCard
        testId="total-campaigns"
        label="Campaigns sent"
        value={totals.campaigns}
        delta={delta("campaigns")}
        hint={`${formatNumber(totals.recipients)} messages · ${formatNumber(totals.failed)} failed`}
      />
      <KpiCard
        testId="total-delivered"
        label="Delivered"
        value={totals.delivered}
        delta={delta("delivered")}
        hint={totals.recipients ? `${formatRate(totals.delivered / totals.recipients)} of messages sent` : "Nothing sent in this range"}
      />
      <KpiCard
        testId="total-read-rate"
        label="Read rate"
        value={formatRate(totals.readRate)}
        raw={totals.readRate}
        delta={delta("readRate")}
        hint={`${formatNumber(totals.read)} read · ${formatRate(totals.ignoredRate)} ignored`}
      />
      <KpiCard
        testId="total-reply-rate"
        label="Reply rate"
        value={formatRate(totals.replyRate)}
        raw={totals.replyRate}
        delta={delta("replyRate")}
        hint={`${formatNumber(totals.replied)} replied, of delivered`}
      />
    </KpiRow>
  );
}
