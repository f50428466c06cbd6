/**
 * One contact's facts as the segment rules see them: what the compiled SQL
 * reads from the read models, and what server/segments/evaluate.ts (the
 * oracle, "why is this contact here?") evaluates a filter tree against.
 */

export interface CampaignTicks {
  sentAt: number | null;
  deliveredAt: number | null;
  readAt: number | null;
  repliedAt: number | null;
  failedAt: number | null;
}

/** A counted conversion (a repeated order id once, its earliest) and its last touch. */
export interface ConversionFact {
  ts: number;
  name: string;
  /** null: no value. */
  value: number | null;
  currency: string;
  /** The campaign delivered to the contact last at or before `ts`, and when; null when none. */
  campaignId: string | null;
  deliveredAt: number | null;
}

export interface ContactFacts {
  contact: string;
  firstSeen: number;
  lastActive: number | null;
  templateMessages: number;
  sessionMessages: number;
  unresolvedQueries: number;
  /** The status shown, `history` when the chat went quiet (as Overview shows it). */
  shownStatus: "active" | "requesting" | "intervened" | "closed" | "history";
  source: string;
  sourceDetail: string;
  firstMessageTag: string;
  /** Present tags → the kind of their latest add. */
  tags: ReadonlyMap<string, string>;
  /** Attribute → latest value; "" (or absent) is not set. */
  attributes: ReadonlyMap<string, string>;
  campaigns: ReadonlyMap<string, CampaignTicks>;
  /** Opted out of marketing now, and since when (epoch ms). */
  optedOut: boolean;
  optedOutAt?: number | null;
  /** Static segments the contact is on the list of. */
  staticSegments?: ReadonlySet<string>;
  /** Counted conversions; none when left out. */
  conversions?: readonly ConversionFact[];
}
