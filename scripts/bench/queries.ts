import type { Store } from "@/clickhouse/client";
import { campaignTotals, contactStatusCounts, messagesPerDay, optedOutContacts } from "@/clickhouse/queries/overview";
import { previousRange } from "@/clickhouse/vocabulary/dates";
import { contactAttributeValues } from "@/clickhouse/queries/contact-attribute-values";
import { contactCampaigns } from "@/clickhouse/queries/contact-campaigns";
import { listContacts } from "@/clickhouse/queries/contact-list";
import { contactTags } from "@/clickhouse/queries/contact-tags";
import { getContactState } from "@/clickhouse/queries/contacts";
import { journeyPage, journeyTypeCounts } from "@/clickhouse/queries/journey";
import { campaignBenchQueries } from "./campaigns";
import { conversionBenchQueries } from "./conversions";
import { manageBenchQueries } from "./manage";
import { segmentBenchQueries } from "./segments";
import { daysBack } from "./range";
import type { BenchQuery } from "./stats";
import { unresolvedBenchQueries } from "./unresolved";

/** The queries to time. Add a group per report as the app grows. */
export function queryGroups(store: Store, workspaceId: string, now: Date, contact: string): BenchQuery[] {
  return [
    { group: "overview", name: "contactStatusCounts", run: () => contactStatusCounts(store, workspaceId, now) },
    { group: "overview", name: "messagesPerDay 30 d", run: () => messagesPerDay(store, workspaceId, daysBack(now, 30)) },
    { group: "overview", name: "messagesPerDay 90 d", run: () => messagesPerDay(store, workspaceId, daysBack(now, 90)) },
    { group: "overview", name: "campaignTotals 30 d", run: () => campaignTotals(store, workspaceId, daysBack(now, 30)) },
    { group: "overview", name: "opted out 30 d", run: () => optedOutContacts(store, workspaceId, daysBack(now, 30), previousRange(daysBack(now, 30))) },
    { group: "overview", name: "page: every figure at once 30 d", run: () => overviewPage(store, workspaceId, now) },
    ...contactListQueries(store, workspaceId, now, contact),
    ...profileQueries(store, workspaceId, now, contact),
    ...unresolvedBenchQueries(store, workspaceId, now),
    ...segmentBenchQueries(store, workspaceId, now),
    ...campaignBenchQueries(store, workspaceId, now),
    ...conversionBenchQueries(store, workspaceId, now),
    ...manageBenchQueries(store, workspaceId),
  ];
}

/** The Contacts page as people open it: the landing view, a status filter, a search, a deep page. */
function contactListQueries(store: Store, workspaceId: string, now: Date, contact: string): BenchQuery[] {
  const page = { sort: "lastActive", direction: "desc", limit: 50, offset: 0 } as const;
  return [
    { group: "contacts", name: "landing page", run: () => listContacts(store, workspaceId, page, now) },
    { group: "contacts", name: "status requesting", run: () => listContacts(store, workspaceId, { ...page, status: "requesting" }, now) },
    { group: "contacts", name: "search phone (8 digits)", run: () => listContacts(store, workspaceId, { ...page, search: contact.slice(0, 9) }, now) },
    { group: "contacts", name: "search name 'sha'", run: () => listContacts(store, workspaceId, { ...page, search: "sha" }, now) },
    { group: "contacts", name: "sort name, page 100", run: () => listContacts(store, workspaceId, { ...page, sort: "name", direction: "asc", offset: 4950 }, now) },
  ];
}

/**
 * What the chat profile page asks for one contact (the busiest one, the worst
 * case): its parameters, campaigns, tags, attributes, the journey's type counts
 * and its first page, and a page after a jump back in time.
 */
function profileQueries(store: Store, workspaceId: string, now: Date, contact: string): BenchQuery[] {
  const monthAgo = new Date(now.getTime() - 30 * 86_400_000).toISOString().replace("T", " ").slice(0, 23);
  return [
    { group: "profile", name: "basic parameters", run: () => getContactState(store, workspaceId, contact, now) },
    { group: "profile", name: "campaigns with ticks", run: () => contactCampaigns(store, workspaceId, contact) },
    { group: "profile", name: "tags", run: () => contactTags(store, workspaceId, contact) },
    { group: "profile", name: "attributes", run: () => contactAttributeValues(store, workspaceId, contact) },
    { group: "profile", name: "journey type counts", run: () => journeyTypeCounts(store, workspaceId, contact) },
    { group: "profile", name: "journey first page", run: () => journeyPage(store, workspaceId, { contact, direction: "older", limit: 50 }) },
    {
      group: "profile",
      name: "journey page at a month ago",
      run: () => journeyPage(store, workspaceId, { contact, direction: "older", limit: 50, cursor: { ts: monthAgo, eventId: "" } }),
    },
  ];
}

/** Every statement of the Overview's summary side by side, as its one request runs them (server/routers/overview.ts). */
function overviewPage(store: Store, workspaceId: string, now: Date) {
  const range = daysBack(now, 30);
  const before = previousRange(range)!;
  return Promise.all([
    contactStatusCounts(store, workspaceId, now),
    messagesPerDay(store, workspaceId, range),
    campaignTotals(store, workspaceId, range),
    messagesPerDay(store, workspaceId, before),
    campaignTotals(store, workspaceId, before),
    optedOutContacts(store, workspaceId, range, before),
  ]);
}
