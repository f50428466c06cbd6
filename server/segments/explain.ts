import { DEFAULT_ATTRIBUTION_DAYS } from "@/clickhouse/vocabulary/attribution";
import { attributedCampaign, revenueSince } from "@/clickhouse/vocabulary/conversion-rules";
import { evaluateCondition, evaluateNode, receivedAt, type ContactFacts, type EvaluationContext } from "./evaluate";
import { isGroup, type Condition, type FilterNode, type FilterTree } from "@/clickhouse/vocabulary/filter-tree";
import { broadcastTagLabel } from "@/clickhouse/vocabulary/broadcast-tag";
import type { CampaignTicks } from "@/clickhouse/vocabulary/contact-facts";
import { OPERATOR_LABELS } from "./validate";

/** What the sentences name things by: campaigns, tags and attributes by their labels, static lists by name. */
export interface ExplainNames {
  campaigns?: ReadonlyMap<string, string>;
  tags?: ReadonlyMap<string, string>;
  attributes?: ReadonlyMap<string, string>;
  staticSegments?: ReadonlyMap<string, string>;
}

const campaignName = (id: string, names: ExplainNames) => names.campaigns?.get(id) || id;
const tagName = (tag: string, names: ExplainNames) =>
  names.tags?.get(tag) ?? broadcastTagLabel(tag, (id) => names.campaigns?.get(id)) ?? tag;
const attributeName = (key: string, names: ExplainNames) => names.attributes?.get(key) || key;

/**
 * "Why is this contact here?": every node of the tree with whether the
 * contact meets it and the contact's own value, in words.
 */

export interface ExplainedNode {
  path: string;
  depth: number;
  kind: "group" | "condition";
  text: string;
  met: boolean;
  /** The contact's value the condition looked at. */
  actual?: string;
}

const COUNTER_LABELS = { templateMessages: "template messages", sessionMessages: "session messages", unresolvedQueries: "unresolved queries" };
const COMPARE_LABELS = { eq: "=", ne: "≠", lt: "<", le: "≤", gt: ">", ge: "≥" };
const CAMPAIGN_LABELS = { received: "received", read: "read", ignored: "ignored (delivered, not read)", replied: "replied to", failed: "failed to reach them with" };

const list = (xs: readonly string[]) => (xs.length ? xs.join(", ") : "—");

/** A condition as a sentence: "Tags has any of lead, vip (manual only)". */
export function describeCondition(c: Condition, names: ExplainNames = {}): string {
  const prefix = c.not ? "NOT " : "";
  switch (c.kind) {
    case "tags":
      return `${prefix}Tags has ${c.op === "all" ? "all" : c.op === "none" ? "none" : "any"} of ${list(c.tags.map((t) => tagName(t, names)))}${c.tagKind === "any" ? "" : ` (${c.tagKind} only)`}`;
    case "firstMessageTag":
      return c.op === "empty" ? `${prefix}First-message tag: none` : `${prefix}First-message tag is ${c.op === "none" ? "none" : "any"} of ${list(c.tags)}`;
    case "attribute":
      return `${prefix}${attributeName(c.attribute, names)} ${OPERATOR_LABELS[c.op]}${c.values.length ? ` ${c.values.join(c.op === "between" ? " and " : ", ")}` : ""}`;
    case "source":
      return `${prefix}Source is ${c.op === "none" ? "none" : "any"} of ${list([...c.values, ...(c.ad ? ["came from an ad"] : [])])}`;
    case "status":
      return `${prefix}Status is any of ${list(c.values)}`;
    case "lastActive":
      return `${prefix}Last active ${c.op === "inLastDays" ? `in the last ${c.days} days` : c.op === "before" ? `before ${c.to}` : `between ${c.from} and ${c.to}`}`;
    case "firstSeen":
      return `${prefix}First seen between ${c.from} and ${c.to}`;
    case "counter":
      return `${prefix}${COUNTER_LABELS[c.counter]} ${COMPARE_LABELS[c.op]} ${c.value}`;
    case "campaign":
      return `${prefix}${CAMPAIGN_LABELS[c.event]} ${c.campaigns.length ? list(c.campaigns.map((id) => campaignName(id, names))) : "any campaign"}`;
    case "campaignFatigue":
      return `${prefix}Received at least ${c.atLeast} campaigns in the last ${c.days} days and read none`;
    case "optedOut":
      return `${prefix}Opted out of marketing`;
    case "staticList":
      return `${prefix}On the static list “${names.staticSegments?.get(c.segmentId) ?? c.segmentId}”`;
    case "converted":
      return `${prefix}Converted${c.name ? ` (${c.name})` : ""} after ${c.campaigns.length ? list(c.campaigns.map((id) => campaignName(id, names))) : "any campaign"}, within ${DEFAULT_ATTRIBUTION_DAYS} days`;
    case "revenue":
      return `${prefix}Revenue in the last ${c.days} days ≥ ${MONEY.format(c.min)} ${c.currency}`;
    case "neverConverted":
      return `${prefix}Has never converted`;
  }
}

const MONEY = new Intl.NumberFormat("en-US", { maximumFractionDigits: 4 });

/** A moment in the workspace's zone, which it names: "Dec 3, 2026, 23:40 Asia/Kolkata". */
function day(t: number | null, timeZone: string): string {
  if (t === null) return "never";
  const at = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone }).format(t);
  return `${at} ${timeZone}`;
}

/** The workspace's day of a moment: "Dec 3, 2026" (a read at 00:20 in Kolkata is on the Kolkata day, not the UTC one). */
const shortDay = (t: number, timeZone: string) => new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone }).format(t);

/** What the contact last did with a campaign, in words: "read Summer sale on Dec 3, 2026". */
function didWith(name: string, t: CampaignTicks, timeZone: string): string {
  const on = (at: number) => ` on ${shortDay(at, timeZone)}`;
  if (t.repliedAt !== null) return `replied to ${name}${on(t.repliedAt)}`;
  if (t.readAt !== null) return `read ${name}${on(t.readAt)}`;
  if (t.deliveredAt !== null) return `got ${name}${on(t.deliveredAt)}, not read`;
  if (t.failedAt !== null) return `was not reached by ${name}${on(t.failedAt)}`;
  return t.sentAt !== null ? `was sent ${name}${on(t.sentAt)}` : `was sent ${name}`;
}

/** The contact's value a condition reads, in words. */
export function actualValue(c: Condition, f: ContactFacts, ctx: EvaluationContext, names: ExplainNames = {}): string {
  switch (c.kind) {
    case "tags":
      return f.tags.size ? [...f.tags].map(([t, k]) => `${tagName(t, names)} (${k})`).join(", ") : "no tags";
    case "firstMessageTag":
      return f.firstMessageTag || "none";
    case "attribute":
      return f.attributes.get(c.attribute) || "not set";
    case "source":
      return f.sourceDetail ? `${f.source || "none"} (${f.sourceDetail})` : f.source || "none";
    case "status":
      return f.shownStatus;
    case "lastActive":
      return day(f.lastActive, ctx.timeZone);
    case "firstSeen":
      return day(f.firstSeen, ctx.timeZone);
    case "counter":
      return String(f[c.counter]);
    case "campaign": {
      const hits = [...f.campaigns].filter(([id]) => c.campaigns.length === 0 || c.campaigns.includes(id));
      return hits.length ? hits.map(([id, t]) => didWith(campaignName(id, names), t, ctx.timeZone)).join("; ") : "none of these campaigns";
    }
    case "campaignFatigue": {
      const since = ctx.now - c.days * 86_400_000;
      const recent = [...f.campaigns.values()].filter((t) => (receivedAt(t) ?? -Infinity) >= since);
      return `${recent.length} received, ${recent.filter((t) => t.readAt !== null).length} read`;
    }
    case "staticList":
      return f.staticSegments?.has(c.segmentId) ? "on the list" : "not on the list";
    case "converted": {
      const hits = (f.conversions ?? []).filter((v) => attributedCampaign(v) !== null);
      return hits.length
        ? hits.map((v) => `${v.name} after ${campaignName(attributedCampaign(v)!, names)} on ${shortDay(v.ts, ctx.timeZone)}`).join("; ")
        : "no conversion after a campaign";
    }
    case "revenue":
      return `${MONEY.format(revenueSince(f.conversions ?? [], c.currency, ctx.now - c.days * 86_400_000) / 1e4)} ${c.currency}`;
    case "neverConverted": {
      const n = (f.conversions ?? []).length;
      return n === 0 ? "no conversions" : n === 1 ? "1 conversion" : `${n} conversions`;
    }
    case "optedOut":
      return f.optedOut ? `opted out${f.optedOutAt ? ` on ${day(f.optedOutAt, ctx.timeZone)}` : ""}` : "may get marketing";
  }
}

export function explainTree(tree: FilterTree, f: ContactFacts, ctx: EvaluationContext, names: ExplainNames = {}): ExplainedNode[] {
  const out: ExplainedNode[] = [];
  const visit = (node: FilterNode, path: number[]) => {
    const where = path.join(".");
    if (isGroup(node)) {
      out.push({
        path: where,
        depth: path.length,
        kind: "group",
        text: `${node.not ? "NOT " : ""}${node.join === "and" ? "All" : "Any"} of ${node.children.length} ${node.children.length === 1 ? "rule" : "rules"}`,
        met: evaluateNode(node, f, ctx),
      });
      node.children.forEach((child, i) => visit(child, [...path, i + 1]));
      return;
    }
    const met = evaluateCondition(node, f, ctx);
    out.push({ path: where, depth: path.length, kind: "condition", text: describeCondition(node, names), met: node.not ? !met : met, actual: actualValue(node, f, ctx, names) });
  };
  visit(tree, []);
  return out;
}
