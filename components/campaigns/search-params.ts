import { useQueryStates } from "nuqs";
import { createLoader, createParser, type inferParserType, parseAsArrayOf, parseAsNumberLiteral, parseAsString, parseAsStringLiteral } from "nuqs/server";
import type { BreakdownBy, GroupFilter } from "@/clickhouse/vocabulary/campaign-groups";
import { parseAsPage, parseAsSort, parseAsText, parseAsWholeNumber } from "@/components/url-params";
import { DEFAULT_REPLY_WINDOW_HOURS } from "@/clickhouse/queries/campaign-common";
import { attributionWindow, replyWindow } from "@/server/schemas/campaign-windows";
import { DEFAULT_ATTRIBUTION_DAYS } from "@/clickhouse/vocabulary/attribution";
import type { z } from "zod";
import { STAGE_LABELS, type Stage } from "./format";
import { PAGE_SIZES, SORTS } from "./url-state";

/**
 * The Campaigns pages' state in the URL, parsed once here (nuqs); anything
 * unreadable reads as the default, and defaults are left out of the URL.
 *
 * List, beside the range: `?q=sale&sort=readRate.asc&page=2&size=50&cmp=a,b`.
 * Both: `?attribution=14` (the conversions' attribution window, days).
 * Report: `?window=24` (reply window, hours), `?by=source` or
 * `?by=attribute&attr=plan` (the breakdown), and the drill-down
 * `?stage=failed&code=131026&page=2&size=50`, narrowed to a breakdown cell by
 * `g=source&gv=import%3Afair` (`&ga=plan` for an attribute, `&gad=1` for
 * "came from an ad").
 */

/** A whole number within the server's own bounds for it: the same zod schema decides (server/schemas/campaign-windows.ts). */
const parseAsServerNumber = (schema: z.ZodType<number, number | undefined>) =>
  createParser({
    parse: (v) => {
      const n = parseAsWholeNumber.parse(v);
      return n === null ? null : (schema.safeParse(n).data ?? null);
    },
    serialize: String,
  });
/** The reply window in hours. */
const parseAsReplyWindow = parseAsServerNumber(replyWindow.replyWindowHours);
/** The conversions' attribution window in days (`?attribution=14`), on the list and the report. */
const parseAsAttribution = parseAsServerNumber(attributionWindow.attributionDays).withDefault(DEFAULT_ATTRIBUTION_DAYS);

export const listParsers = {
  q: parseAsText(200),
  sort: parseAsSort(SORTS).withDefault({ column: "sentAt", desc: true }),
  page: parseAsPage.withDefault(1),
  size: parseAsNumberLiteral(PAGE_SIZES).withDefault(25),
  cmp: parseAsArrayOf(parseAsString).withDefault([]),
  attribution: parseAsAttribution,
};
export const loadList = createLoader(listParsers);

export function useListParams() {
  return useQueryStates(listParsers, { history: "push" });
}

/** The list's page as the campaigns.list procedure takes it, from the URL's state: the view and its server page ask alike. */
export function listInput(workspaceId: string, range: { from: string; to: string }, state: inferParserType<typeof listParsers>) {
  return {
    workspaceId,
    ...range,
    search: state.q,
    sort: state.sort.column,
    direction: state.sort.desc ? ("desc" as const) : ("asc" as const),
    page: state.page - 1,
    pageSize: state.size,
    attributionDays: state.attribution,
  };
}

const STAGES = Object.keys(STAGE_LABELS) as Stage[];
const DIMENSIONS = ["tag", "firstMessageTag", "source", "attribute"] as const;


export const reportParsers = {
  window: parseAsReplyWindow.withDefault(DEFAULT_REPLY_WINDOW_HOURS),
  attribution: parseAsAttribution,
  by: parseAsStringLiteral(DIMENSIONS).withDefault("tag"),
  attr: parseAsString,
  stage: parseAsStringLiteral(STAGES),
  code: parseAsWholeNumber,
  page: parseAsPage.withDefault(1),
  size: parseAsNumberLiteral(PAGE_SIZES).withDefault(25),
  g: parseAsStringLiteral(DIMENSIONS),
  gv: parseAsString,
  ga: parseAsString,
  gad: parseAsStringLiteral(["1"]),
};
export const loadReport = createLoader(reportParsers);

type ReportParams = inferParserType<typeof reportParsers>;

export function breakdownOf(p: Pick<ReportParams, "by" | "attr">): BreakdownBy {
  if (p.by === "attribute") return p.attr ? { dimension: "attribute", attribute: p.attr } : { dimension: "tag" };
  return { dimension: p.by };
}

export function breakdownParams(by: BreakdownBy): Pick<ReportParams, "by" | "attr"> {
  return { by: by.dimension, attr: by.dimension === "attribute" ? by.attribute : null };
}

export function groupOf(p: Pick<ReportParams, "g" | "gv" | "ga" | "gad">): GroupFilter | undefined {
  const value = p.gv ?? "";
  switch (p.g) {
    case "tag":
      return value ? { dimension: "tag", value } : undefined;
    case "firstMessageTag":
      return { dimension: "firstMessageTag", value };
    case "source":
      return p.gad === "1" ? { dimension: "source", value: "", ad: true } : { dimension: "source", value };
    case "attribute":
      return p.ga ? { dimension: "attribute", attribute: p.ga, value } : undefined;
    default:
      return undefined;
  }
}

export function groupParams(group: GroupFilter | undefined): Pick<ReportParams, "g" | "gv" | "ga" | "gad"> {
  if (!group) return { g: null, gv: null, ga: null, gad: null };
  return {
    g: group.dimension,
    gv: group.value || null,
    ga: group.dimension === "attribute" ? group.attribute : null,
    gad: group.dimension === "source" && group.ad ? "1" : null,
  };
}

/** The drill-down a link opens: a stage, for "failed" perhaps one error code, perhaps one breakdown cell, and its page. */
export function drillOf(p: ReportParams) {
  return {
    stage: p.stage,
    errorCode: p.stage === "failed" && p.code !== null ? p.code : undefined,
    group: p.stage ? groupOf(p) : undefined,
    page: p.page,
    size: p.size,
  };
}

export function useReportParams() {
  return useQueryStates(reportParsers);
}
