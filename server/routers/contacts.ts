import { z } from "zod";
import { CONTACT_LIST_STATUSES, CONTACT_SORT_COLUMNS, listContacts } from "@/clickhouse/queries/contact-list";
import { sourceOptions, tagOptions } from "@/clickhouse/queries/contact-list-options";
import { campaignNames } from "@/clickhouse/queries/journey";
import { displayName, listTagDefinitions } from "@/clickhouse/queries/tags";
import { BROADCAST_TAG_PREFIX, broadcastTagLabel } from "@/clickhouse/vocabulary/broadcast-tag";
import { router, workspaceProcedure } from "../trpc/init";

export const CONTACT_PAGE_SIZES = [25, 50, 100] as const;
/** Beyond this, OFFSET paging stops being a sensible way to browse; search or filter instead. */
const MAX_OFFSET = 1_000_000;

const optionalText = (what: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `${what} can be at most ${max} characters` })
    .optional()
    .transform((v) => (v ? v : undefined));

const listInput = z
  .object({
    search: optionalText("the search", 100),
    status: z
      .enum(CONTACT_LIST_STATUSES, { error: () => `filter by one of these statuses: ${CONTACT_LIST_STATUSES.join(", ")}` })
      .optional(),
    source: optionalText("the source", 200),
    tag: optionalText("the tag", 200),
    sort: z
      .enum(CONTACT_SORT_COLUMNS, { error: () => `sort by one of these columns: ${CONTACT_SORT_COLUMNS.join(", ")}` })
      .default("lastActive"),
    direction: z.enum(["asc", "desc"], { error: () => "the sort direction is asc or desc" }).default("desc"),
    page: z
      .number({ error: () => "the page is a whole number from 1" })
      .int({ message: "the page is a whole number from 1" })
      .min(1, { message: "the page is a whole number from 1" })
      .default(1),
    pageSize: z
      .number()
      .refine((n): n is (typeof CONTACT_PAGE_SIZES)[number] => (CONTACT_PAGE_SIZES as readonly number[]).includes(n), {
        message: `show ${CONTACT_PAGE_SIZES.join(", ")} contacts per page`,
      })
      .default(25),
  })
  .refine((i) => (i.page - 1) * i.pageSize <= MAX_OFFSET, {
    message: "that page is too far in; search or filter to narrow the list",
    path: ["page"],
  });

const contactRow = z.object({
  phone: z.string(),
  name: z.string(),
  status: z.enum(["active", "requesting", "intervened", "closed"]),
  inHistory: z.boolean(),
  firstSeen: z.string(),
  lastActive: z.string().nullable(),
  source: z.string(),
  sourceDetail: z.string(),
  firstMessageTag: z.string(),
  /** Shown by their catalogue label (a renamed tag keeps its key in the data). */
  tags: z.array(z.string()),
  unresolvedQueries: z.number(),
  templateMessages: z.number(),
  sessionMessages: z.number(),
  matchedAttribute: z.object({ name: z.string(), value: z.string() }).nullable(),
});

const listOutput = z.object({
  rows: z.array(contactRow),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  pageCount: z.number(),
});

const filterOption = z.object({ value: z.string(), label: z.string(), contacts: z.number() });

/**
 * Tag keys to the names people see: the catalogue label of a renamed tag, a
 * broadcast tag by its campaign's name, else the key itself.
 */
async function tagLabels(store: Parameters<typeof listTagDefinitions>[0], workspaceId: string) {
  const [definitions, campaigns] = await Promise.all([listTagDefinitions(store, workspaceId), campaignNames(store, workspaceId, "all")]);
  const labels = new Map(definitions.map((t) => [t.tag, displayName(t)]));
  return (tag: string) => labels.get(tag) ?? broadcastTagLabel(tag, (id) => campaigns.get(id)?.name) ?? tag;
}

/** Alphabetically by label, broadcast tags (one per campaign received) after the rest so they do not crowd them out. */
function tagOrder<T extends { tag: string; label: string }>(a: T, b: T): number {
  const broadcast = (t: T) => (t.tag.startsWith(BROADCAST_TAG_PREFIX) ? 1 : 0);
  return broadcast(a) - broadcast(b) || a.label.localeCompare(b.label);
}

export const contactsRouter = router({
  /** One page of the workspace's contacts, searched, filtered and sorted on the server. */
  list: workspaceProcedure
    .input(listInput)
    .output(listOutput)
    .query(async ({ ctx, input }) => {
      const { page, pageSize, ...rest } = input;
      const [{ rows, total }, label] = await Promise.all([
        listContacts(ctx.store, ctx.workspace.id, { ...rest, limit: pageSize, offset: (page - 1) * pageSize }, new Date()),
        tagLabels(ctx.store, ctx.workspace.id),
      ]);
      return {
        rows: rows.map((r) => ({
          ...r,
          tags: r.tags
            .map((tag) => ({ tag, label: label(tag) }))
            .sort(tagOrder)
            .map((t) => t.label),
          firstMessageTag: r.firstMessageTag && label(r.firstMessageTag),
        })),
        total,
        page,
        pageSize,
        pageCount: Math.max(1, Math.ceil(total / pageSize)),
      };
    }),

  /** What the quick filters offer: the sources and tags the workspace's contacts have, with how many. */
  filterOptions: workspaceProcedure
    .output(z.object({ sources: z.array(filterOption), tags: z.array(filterOption) }))
    .query(async ({ ctx }) => {
      const ws = ctx.workspace.id;
      const [sources, tags, label] = await Promise.all([sourceOptions(ctx.store, ws), tagOptions(ctx.store, ws), tagLabels(ctx.store, ws)]);
      return {
        sources: sources.map((s) => ({ ...s, label: s.value })),
        // The filter sends the key; people pick by label.
        tags: tags
          .map((t) => ({ ...t, tag: t.value, label: label(t.value) }))
          .sort(tagOrder)
          .map(({ tag: _key, ...option }) => option),
      };
    }),
});
