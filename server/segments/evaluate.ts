import { AD_DETAIL_PREFIX, activeSince, addDays, dayStart, lastDaysRange, nextDaysRange } from "@/clickhouse/vocabulary/dates";
import type { CampaignTicks, ContactFacts } from "@/clickhouse/vocabulary/contact-facts";
import { attributedCampaign, revenueSince } from "@/clickhouse/vocabulary/conversion-rules";
import { isGroup, type Condition, type FilterNode } from "@/clickhouse/vocabulary/filter-tree";

export type { CampaignTicks, ContactFacts };

/**
 * The same filter semantics as the SQL compiler, in plain TypeScript over one
 * contact's facts. Tests use it as the oracle the compiled SQL must agree
 * with; "why is this contact here" uses it to say which condition a contact
 * meets, with the contact's own values.
 */

/**
 * A contact's effective ticks for one campaign, as the campaign report counts
 * them (clickhouse/queries/campaign-common.ts, default 72 h reply window): a
 * reply is a context reply or, for a delivered message, the first inbound
 * message within the window after the send; a reply proves a read and a read
 * a delivery; `failedAt` only when the message was never delivered.
 */
export interface EvaluationContext {
  now: number;
  /** The workspace's zone: where "first seen between" and "last active between" days start, and which day is today. */
  timeZone: string;
  /** Attribute name → type, for `between` on numbers or dates. */
  attributeTypes: ReadonlyMap<string, string>;
}

export function evaluateNode(node: FilterNode, f: ContactFacts, ctx: EvaluationContext): boolean {
  let result: boolean;
  if (isGroup(node)) {
    const parts = node.children.map((c) => evaluateNode(c, f, ctx));
    result = node.join === "and" ? parts.every(Boolean) : parts.length === 0 || parts.some(Boolean);
  } else {
    result = evaluateCondition(node, f, ctx);
  }
  return node.not ? !result : result;
}

/** A condition on its own, ignoring its `not`. */
export function evaluateCondition(c: Condition, f: ContactFacts, ctx: EvaluationContext): boolean {
  switch (c.kind) {
    case "tags": {
      const has = (t: string) => f.tags.has(t) && (c.tagKind === "any" || f.tags.get(t) === c.tagKind);
      if (c.op === "all") return c.tags.every(has);
      const any = c.tags.some(has);
      return c.op === "none" ? !any : any;
    }
    case "firstMessageTag":
      if (c.op === "empty") return f.firstMessageTag === "";
      return c.op === "none" ? !c.tags.includes(f.firstMessageTag) : c.tags.includes(f.firstMessageTag);
    case "source": {
      const any = c.values.includes(f.source) || (c.ad && f.sourceDetail.startsWith(AD_DETAIL_PREFIX));
      return c.op === "none" ? !any : any;
    }
    case "status":
      return (c.values as string[]).includes(f.shownStatus);
    case "lastActive": {
      const t = f.lastActive;
      if (t === null) return false;
      if (c.op === "inLastDays") return t >= activeSince(ctx.now, c.days!);
      if (c.op === "before") return t < dayStart(c.to!, ctx.timeZone);
      return t >= dayStart(c.from!, ctx.timeZone) && t < dayStart(addDays(c.to!, 1), ctx.timeZone);
    }
    case "firstSeen":
      return f.firstSeen >= dayStart(c.from, ctx.timeZone) && f.firstSeen < dayStart(addDays(c.to, 1), ctx.timeZone);
    case "counter": {
      const v = f[c.counter];
      return compare(v, c.op, c.value);
    }
    case "campaign":
      return [...f.campaigns].some(
        ([id, t]) => (c.campaigns.length === 0 || c.campaigns.includes(id)) && campaignTick(c.event, t),
      );
    case "campaignFatigue": {
      const since = activeSince(ctx.now, c.days);
      const recent = [...f.campaigns.values()].filter((t) => {
        const received = receivedAt(t);
        return received !== null && received >= since;
      });
      return recent.length >= c.atLeast && recent.every((t) => t.readAt === null);
    }
    case "attribute":
      return evaluateAttribute(c, f.attributes.get(c.attribute) ?? "", ctx);
    case "staticList":
      return f.staticSegments?.has(c.segmentId) ?? false;
    case "converted":
      return (f.conversions ?? []).some((v) => {
        const campaign = attributedCampaign(v);
        return campaign !== null && (c.campaigns.length === 0 || c.campaigns.includes(campaign)) && (!c.name || v.name === c.name);
      });
    case "revenue": {
      const sum = revenueSince(f.conversions ?? [], c.currency, activeSince(ctx.now, c.days));
      // Only a contact with revenue in the currency can reach a minimum above 0.
      return sum >= Math.round(c.min * 1e4);
    }
    case "neverConverted":
      return (f.conversions ?? []).length === 0;
    case "optedOut":
      return f.optedOut;
  }
}

export function receivedAt(t: CampaignTicks): number | null {
  return t.sentAt ?? t.deliveredAt ?? t.readAt ?? t.failedAt;
}

function campaignTick(event: Extract<Condition, { kind: "campaign" }>["event"], t: CampaignTicks): boolean {
  switch (event) {
    case "received":
      return receivedAt(t) !== null;
    case "read":
      return t.readAt !== null;
    case "ignored":
      return t.deliveredAt !== null && t.readAt === null;
    case "replied":
      return t.repliedAt !== null;
    case "failed":
      return t.failedAt !== null;
  }
}

function compare(a: number, op: "eq" | "ne" | "lt" | "le" | "gt" | "ge", b: number): boolean {
  switch (op) {
    case "eq":
      return a === b;
    case "ne":
      return a !== b;
    case "lt":
      return a < b;
    case "le":
      return a <= b;
    case "gt":
      return a > b;
    case "ge":
      return a >= b;
  }
}

function evaluateAttribute(c: Extract<Condition, { kind: "attribute" }>, value: string, ctx: EvaluationContext): boolean {
  const negative = c.op === "isNot" || c.op === "ne" || c.op === "noneOf" || c.op === "isNotSet";
  const positive = value !== "" && attributePositive(c, value, ctx);
  return negative ? !positive : positive;
}

function toNumber(v: string): number | null {
  const n = Number(v);
  return v.trim() !== "" && Number.isFinite(n) ? n : null;
}

function toDay(v: string): string | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) ? v : null;
}

function attributePositive(c: Extract<Condition, { kind: "attribute" }>, value: string, ctx: EvaluationContext): boolean {
  const v = c.values;
  const lower = value.toLowerCase();
  const n = toNumber(value);
  const d = toDay(value);
  switch (c.op) {
    case "isSet":
    case "isNotSet":
      return true;
    case "is":
    case "isNot":
      return lower === v[0].toLowerCase();
    case "contains":
      return lower.includes(v[0].toLowerCase());
    case "startsWith":
      return lower.startsWith(v[0].toLowerCase());
    case "oneOf":
      return v.some((x) => x.toLowerCase() === lower);
    case "eq":
    case "ne":
      return n !== null && n === Number(v[0]);
    case "lt":
    case "le":
    case "gt":
    case "ge":
      return n !== null && compare(n, c.op, Number(v[0]));
    case "between":
      if (ctx.attributeTypes.get(c.attribute) === "date") return d !== null && d >= v[0] && d <= v[1];
      return n !== null && n >= Number(v[0]) && n <= Number(v[1]);
    case "before":
      return d !== null && d < v[0];
    case "after":
      return d !== null && d > v[0];
    case "inLastDays":
    case "inNextDays": {
      const [a, b] = (c.op === "inLastDays" ? lastDaysRange : nextDaysRange)(ctx.now, Number(v[0]), ctx.timeZone);
      return d !== null && d >= a && d <= b;
    }
    case "isTrue":
      return value === "true";
    case "isFalse":
      return value === "false";
    case "anyOf":
    case "noneOf":
      return v.includes(value);
  }
}
