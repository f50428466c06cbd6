import { previousRange } from "@/clickhouse/vocabulary/dates";

/**
 * The Unresolved report's inputs, built alike by its sections' queries
 * (use-report.ts) and by its server page, which starts them as the page is
 * asked for.
 */
export interface ReportRange {
  workspaceId: string;
  from: string;
  to: string;
}

/**
 * The period of the same length before the range, which the headline's
 * figures stand beside: null before the first day the store holds, and then
 * `earlier` is the range itself, for queries that are not run.
 */
export function periodBefore(range: ReportRange): { before: { from: string; to: string } | null; earlier: ReportRange } {
  const before = previousRange(range);
  return { before, earlier: { workspaceId: range.workspaceId, from: before?.from ?? range.from, to: before?.to ?? range.to } };
}

/** A page of what people asked, ten requests a page. */
export function askedInput(r: ReportRange & { search: string; page: number }) {
  return { ...r, pageSize: 10 };
}
