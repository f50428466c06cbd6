import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { BROADCAST_TAG_PREFIX } from "@/clickhouse/vocabulary/broadcast-tag";
import type { Store } from "@/clickhouse/client";
import { countContactsByTag, listTagDefinitions, upsertTagDefinitions, type TagDefinition } from "@/clickhouse/queries/tags";
import { CAN_EDIT_AUDIENCE } from "../auth/roles";
import { firstMessageTextOwner, sameName, tagNamedLike } from "../domain/catalogue";
import { tagArchiveInput, tagCreateInput, tagUpdateInput } from "../schemas/tags";
import { router, workspaceProcedure, workspaceProcedureFor } from "../trpc/init";
import { withWorkspaceConfigLock } from "../workspace-lock";

/**
 * Manage → Tags. Every member reads the catalogue; admins and marketers change
 * it. A tag is addressed by its key (`tag`), which never changes — see
 * clickhouse/queries/tags.ts for why a rename only changes the label.
 */

const catalogueTag = z.object({
  tag: z.string(),
  label: z.string(),
  category: z.string(),
  firstMessageText: z.string(),
  archived: z.boolean(),
  contacts: z.number(),
});

const catalogue = z.object({
  tags: z.array(catalogueTag),
  /** Tags on contacts (from the API, imports or agents) that the catalogue does not list. */
  uncatalogued: z.array(z.object({ tag: z.string(), contacts: z.number() })),
  categories: z.array(z.string()),
});

function conflict(message: string): never {
  throw new TRPCError({ code: "CONFLICT", message });
}

function assertFirstMessageTextFree(text: string, others: TagDefinition[]) {
  const owner = firstMessageTextOwner(text, others);
  if (owner) conflict(`“${owner.label}” already matches this first-message text; each text can start one tag only.`);
}

async function findTag(store: Store, workspaceId: string, key: string) {
  const all = await listTagDefinitions(store, workspaceId);
  const current = all.find((t) => t.tag === key);
  if (!current) throw new TRPCError({ code: "NOT_FOUND", message: `There is no tag “${key}” in this workspace.` });
  return { current, others: all.filter((t) => t !== current), all };
}

/**
 * A rename must not take the name of a tag contacts already carry outside the
 * catalogue: two different keys would then show as one name in segments.
 */
async function assertNotOnContacts(store: Store, workspaceId: string, name: string, catalogue: TagDefinition[]) {
  const known = new Set(catalogue.map((t) => t.tag));
  for (const [tag, contacts] of await countContactsByTag(store, workspaceId)) {
    if (contacts > 0 && !known.has(tag) && sameName(tag, name)) {
      conflict(`Contacts already carry a tag called “${tag}” that is not in the catalogue; add that one instead of renaming.`);
    }
  }
}

export const tagsRouter = router({
  /** The catalogue with how many contacts carry each tag now, archived tags included (flagged). */
  list: workspaceProcedure.output(catalogue).query(async ({ ctx }) => {
    const [defs, counts] = await Promise.all([
      listTagDefinitions(ctx.store, ctx.workspace.id),
      countContactsByTag(ctx.store, ctx.workspace.id),
    ]);
    const known = new Set(defs.map((d) => d.tag));
    return {
      tags: defs.map((d) => ({
        tag: d.tag,
        label: d.label,
        category: d.category,
        firstMessageText: d.firstMessageText,
        archived: d.archived,
        contacts: counts.get(d.tag) ?? 0,
      })),
      uncatalogued: [...counts]
        // Broadcast tags belong to their campaigns: the campaign names them, not this catalogue.
        .filter(([tag, contacts]) => !known.has(tag) && !tag.startsWith(BROADCAST_TAG_PREFIX) && contacts > 0)
        .map(([tag, contacts]) => ({ tag, contacts }))
        .sort((a, b) => b.contacts - a.contacts || a.tag.localeCompare(b.tag)),
      categories: [...new Set(defs.map((d) => d.category).filter(Boolean))].sort((a, b) => a.localeCompare(b)),
    };
  }),

  create: workspaceProcedureFor(CAN_EDIT_AUDIENCE)
    .input(tagCreateInput)
    .output(z.object({ tag: z.string() }))
    .mutation(({ ctx, input }) =>
      withWorkspaceConfigLock(ctx.workspace.id, "tags", async () => {
        const all = await listTagDefinitions(ctx.store, ctx.workspace.id);
        const clash = tagNamedLike(input.name, all);
        if (clash) {
          conflict(
            clash.archived
              ? `An archived tag is already called “${clash.label}”; unarchive it instead.`
              : `A tag called “${clash.label}” already exists.`,
          );
        }
        assertFirstMessageTextFree(input.firstMessageText, all);
        // The name given now becomes the key events will carry from here on.
        await upsertTagDefinitions(ctx.store, ctx.workspace.id, [
          { tag: input.name, category: input.category, firstMessageText: input.firstMessageText, createdBy: ctx.userId },
        ]);
        return { tag: input.name };
      }),
    ),

  /** Rename (the label), recategorise, or set or clear the first-message text. */
  update: workspaceProcedureFor(CAN_EDIT_AUDIENCE)
    .input(tagUpdateInput)
    .output(catalogueTag.omit({ contacts: true }))
    .mutation(({ ctx, input }) =>
      withWorkspaceConfigLock(ctx.workspace.id, "tags", async () => {
        const { current, others, all } = await findTag(ctx.store, ctx.workspace.id, input.tag);
        const next = {
          ...current,
          label: input.name ?? current.label,
          category: input.category ?? current.category,
          firstMessageText: input.firstMessageText ?? current.firstMessageText,
        };
        if (input.name !== undefined) {
          const clash = tagNamedLike(input.name, others);
          if (clash) conflict(`Another tag is already called “${clash.label}”.`);
          if (!sameName(input.name, current.tag)) await assertNotOnContacts(ctx.store, ctx.workspace.id, input.name, all);
        }
        if (!next.archived) assertFirstMessageTextFree(next.firstMessageText, others);
        await upsertTagDefinitions(ctx.store, ctx.workspace.id, [next]);
        const { createdBy: _createdBy, ...shown } = next;
        return shown;
      }),
    ),

  /** Archived tags stay on contacts and in history, but are not offered or matched any more. */
  setArchived: workspaceProcedureFor(CAN_EDIT_AUDIENCE)
    .input(tagArchiveInput)
    .output(z.object({ tag: z.string(), archived: z.boolean() }))
    .mutation(({ ctx, input }) =>
      withWorkspaceConfigLock(ctx.workspace.id, "tags", async () => {
        const { current, others } = await findTag(ctx.store, ctx.workspace.id, input.tag);
        if (!input.archived) assertFirstMessageTextFree(current.firstMessageText, others);
        await upsertTagDefinitions(ctx.store, ctx.workspace.id, [{ ...current, archived: input.archived }]);
        return { tag: current.tag, archived: input.archived };
      }),
    ),
});
