import { CAMPAIGN_EVENTS } from "../vocabulary/filter-tree";
import { STAGE_SQL, type Stage } from "./campaign-common";

type CampaignEvent = (typeof CAMPAIGN_EVENTS)[number];

/**
 * A campaign behaviour of the segment rules → the campaign report's stage with
 * the same contacts. The ticks are the report's effective ones
 * (campaign-common.ts, default reply window): a reply within the window
 * counts, a reply proves a read, a read proves a delivery, and "failed" means
 * never delivered. So "ignored campaign X" has exactly the contacts of X's
 * drill-down for Ignored.
 */
const CAMPAIGN_STAGE = {
  received: "sent",
  read: "read",
  ignored: "ignored",
  replied: "replied",
  failed: "failed",
} as const satisfies Record<CampaignEvent, Stage>;

/**
 * The behaviours a recipients row is in, as tokens of each contact's
 * `campaign_stages` (0046): "<behaviour>:<campaign id>" and "<behaviour>"
 * alone (for a rule on any campaign). A behaviour is a fixed word without
 * ':', so no two (behaviour, campaign) pairs make the same token. The stages
 * are STAGE_SQL's, over the row's effective ticks.
 */
export const STAGE_TOKENS_SQL = `arrayFlatten(arrayMap(e -> [e, concat(e, ':', campaign_id)], arrayFilter(e -> e != '', [${CAMPAIGN_EVENTS.map(
  (event) => `if(${STAGE_SQL[CAMPAIGN_STAGE[event]]}, '${event}', '')`,
).join(", ")}])))`;

/** The tokens of a campaign rule: the behaviour in one of these campaigns, or in any when there are none. */
export function stageTokens(event: CampaignEvent, campaigns: readonly string[]): string[] {
  return campaigns.length ? [...new Set(campaigns)].map((id) => `${event}:${id}`) : [event];
}
