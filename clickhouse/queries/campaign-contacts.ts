import type { Store } from "../client";
import type { GroupFilter } from "@/clickhouse/vocabulary/campaign-groups";
// campaign-common before campaign-breakdowns: the tenant check (test/unit/tenant-predicate.test.ts)
// reads a module once, through the first import that reaches it.
import { ONE_CAMPAIGN, recipientsSql, DEFAULT_REPLY_WINDOW_HOURS, isoTime, stagePredicate, type Stage } from "./campaign-common";
import { groupPredicate, withGroupsSql, WITH_GROUPS_SETTINGS } from "./campaign-breakdowns";
import { contactNames } from "./contact-names";
import { DEFAULT_ATTRIBUTION_DAYS } from "@/clickhouse/vocabulary/attribution";

/**
 * The contacts behind one stage of a campaign's funnel (a drill-down), and the
 * same list written as a static segment's members. Both read the stage from
 * the whitelist in campaign-common, so the saved list is exactly the one shown.
 */

export interface StageContact {
  contact: string;
  name: string;
  sentAt: string | null;
  deliveredAt: string | null;
  readAt: string | null;
  repliedAt: string | null;
  /** The reply is tied to the campaign by the reply window, not by WhatsApp's context. */
  repliedInWindow: boolean;
  failedAt: string | null;
  errorCode: number;
  errorTitle: string;
}

export interface StageFilter {
  stage: Stage;
  /** With stage `failed`: only this error code. */
  errorCode?: number;
  /** The report's reply window (hours); the default when left out. */
  replyWindowHours?: number;
  /** Only the recipients of one breakdown group (a breakdown cell). */
  group?: GroupFilter;
  /** The report's attribution window (days), for the converted stage; the default when left out. */
  attributionDays?: number;
}

/**
 * A filter over one campaign's recipients: what to read them from (recipientsSql,
 * beside their groups when a breakdown cell narrows them), the predicate, the
 * statement's settings and its parameters.
 */
function filterSql(filter: StageFilter): { from: string; where: string; settings: string; params: Record<string, unknown> } {
  const stage = stagePredicate(filter.stage, filter.errorCode);
  const replyWindowHours = filter.replyWindowHours ?? DEFAULT_REPLY_WINDOW_HOURS;
  const recipients = recipientsSql(ONE_CAMPAIGN, replyWindowHours);
  const params = { errorCode: filter.errorCode ?? 0, replyWindowHours, attributionDays: filter.attributionDays ?? DEFAULT_ATTRIBUTION_DAYS };
  if (!filter.group) return { from: `(${recipients})`, where: stage, settings: "", params };
  const group = groupPredicate(filter.group);
  return {
    from: withGroupsSql(recipients, filter.group),
    where: `${stage} AND ${group.sql}`,
    settings: `\n     SETTINGS ${WITH_GROUPS_SETTINGS}`,
    params: { ...params, ...group.params },
  };
}

/** A page of the stage's contacts, by phone, and how many there are in all. */
export async function campaignStageContacts(
  store: Store,
  workspaceId: string,
  campaignId: string,
  filter: StageFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: StageContact[]; total: number }> {
  const { from, where, settings, params } = filterSql(filter);
  const rows = await store.query<Record<string, string | number | null>>(
    `SELECT contact, sent_eff, delivered_eff, read_eff, replied_at, replied_in_window, failed_eff, failed_code, failed_title,
            count() OVER () AS total
     FROM ${from}
     WHERE ${where}
     ORDER BY contact
     LIMIT {limit:UInt32} OFFSET {offset:UInt32}${settings}`,
    { workspaceId, campaignId, ...params, limit: page.limit, offset: page.offset },
    { report: "campaign-contacts:page" },
  );
  let total = Number(rows[0]?.total ?? 0);
  if (rows.length === 0 && page.offset > 0) total = await campaignStageCount(store, workspaceId, campaignId, filter);
  const names = await contactNames(store, workspaceId, rows.map((r) => String(r.contact)));
  return {
    total,
    rows: rows.map((r) => ({
      contact: String(r.contact),
      name: names.get(String(r.contact)) ?? "",
      sentAt: isoTime(r.sent_eff),
      deliveredAt: isoTime(r.delivered_eff),
      readAt: isoTime(r.read_eff),
      repliedAt: isoTime(r.replied_at),
      repliedInWindow: Boolean(Number(r.replied_in_window)),
      failedAt: isoTime(r.failed_eff),
      errorCode: Number(r.failed_code),
      errorTitle: String(r.failed_title ?? ""),
    })),
  };
}

export async function campaignStageCount(store: Store, workspaceId: string, campaignId: string, filter: StageFilter): Promise<number> {
  const { from, where, settings, params } = filterSql(filter);
  const [row] = await store.query<{ n: string }>(`SELECT count() AS n FROM ${from} WHERE ${where}${settings}`, {
    workspaceId,
    campaignId,
    ...params,
  }, { report: "campaign-contacts:count" });
  return Number(row?.n ?? 0);
}

/**
 * Writes the stage's contacts as a static segment's list, inside ClickHouse
 * (INSERT … SELECT), so a list of any size never passes through the app.
 */
export async function writeStageAsSegmentMembers(
  store: Store,
  workspaceId: string,
  campaignId: string,
  filter: StageFilter,
  segmentId: string,
): Promise<void> {
  const { from, where, settings, params } = filterSql(filter);
  await store.command(
    `INSERT INTO segment_members (workspace_id, segment_id, contact, added_at)
     SELECT {workspaceId:String}, {segmentId:String}, contact, now64(3)
     FROM ${from}
     WHERE ${where}${settings}`,
    { workspaceId, campaignId, segmentId, ...params },
    { report: "campaign-contacts:save-as-segment" },
  );
}
