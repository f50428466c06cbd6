import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { Store } from "@/clickhouse/client";
import {
  countContactsByAttribute,
  listAttributeCatalogue,
  listAttributeDefinitions,
  upsertAttributeDefinitions,
} from "@/clickhouse/queries/attributes";
import { CAN_EDIT_AUDIENCE } from "../auth/roles";
import { MAX_ATTRIBUTES } from "../domain/attributes";
import { attributeArchiveInput, attributeCreateInput, attributeUpdateInput, LIST_NEEDS_OPTION } from "../schemas/attributes";
import {
  ATTRIBUTE_LIMIT_MESSAGE,
  keyFromLabel,
  roomForAnotherAttribute,
  sameName,
} from "../domain/catalogue";
import { router, workspaceProcedure, workspaceProcedureFor } from "../trpc/init";
import { withWorkspaceConfigLock } from "../workspace-lock";

/**
 * Attribute definitions. `list` is what takes values (imports, pickers);
 * `catalogue` is Manage → Attributes. An attribute is addressed by its key
 * (`name`), which never changes; people see and edit its label.
 */

const attributeDefinition = z.object({ name: z.string(), label: z.string(), type: z.string(), options: z.array(z.string()) });

const catalogueEntry = attributeDefinition.extend({ archived: z.boolean(), contacts: z.number() });

function refuse(code: "CONFLICT" | "PRECONDITION_FAILED" | "BAD_REQUEST", message: string): never {
  throw new TRPCError({ code, message });
}

async function findAttribute(store: Store, workspaceId: string, name: string) {
  const all = await listAttributeCatalogue(store, workspaceId);
  const current = all.find((a) => a.name === name);
  if (!current) throw new TRPCError({ code: "NOT_FOUND", message: `There is no attribute “${name}” in this workspace.` });
  return { current, all };
}

export const attributesRouter = router({
  /** The attributes that take values (not archived), for imports and pickers. */
  list: workspaceProcedure
    .output(z.array(attributeDefinition))
    .query(({ ctx }) => listAttributeDefinitions(ctx.store, ctx.workspace.id)),

  /** Manage → Attributes: every definition, with how many contacts have a value. */
  catalogue: workspaceProcedure
    .output(z.object({ attributes: z.array(catalogueEntry), limit: z.number() }))
    .query(async ({ ctx }) => {
      const [defs, counts] = await Promise.all([
        listAttributeCatalogue(ctx.store, ctx.workspace.id),
        countContactsByAttribute(ctx.store, ctx.workspace.id),
      ]);
      return {
        attributes: defs.map(({ createdBy: _createdBy, ...d }) => ({ ...d, contacts: counts.get(d.name) ?? 0 })),
        limit: MAX_ATTRIBUTES,
      };
    }),

  create: workspaceProcedureFor(CAN_EDIT_AUDIENCE)
    .input(attributeCreateInput)
    .output(z.object({ name: z.string() }))
    .mutation(({ ctx, input }) =>
      withWorkspaceConfigLock(ctx.workspace.id, "attributes", async () => {
        const all = await listAttributeCatalogue(ctx.store, ctx.workspace.id);
        if (!roomForAnotherAttribute(all.filter((a) => !a.archived).length)) refuse("PRECONDITION_FAILED", ATTRIBUTE_LIMIT_MESSAGE);
        const name = input.name ?? keyFromLabel(input.label);
        const sameKey = all.find((a) => a.name === name);
        if (sameKey) {
          refuse(
            "CONFLICT",
            sameKey.archived
              ? `The archived attribute “${sameKey.label}” already uses the key ${name}; unarchive it, or choose another key.`
              : `The attribute “${sameKey.label}” already uses the key ${name}; choose another key.`,
          );
        }
        const sameLabel = all.find((a) => sameName(a.label, input.label));
        if (sameLabel) refuse("CONFLICT", `An attribute called “${sameLabel.label}” already exists${sameLabel.archived ? " (archived)" : ""}.`);
        await upsertAttributeDefinitions(ctx.store, ctx.workspace.id, [
          { name, label: input.label, type: input.type, options: input.options, createdBy: ctx.userId },
        ]);
        return { name };
      }),
    ),

  /** A new label, or (for a one-of-a-list attribute) new options. The key and the type never change: values are stored by them. */
  update: workspaceProcedureFor(CAN_EDIT_AUDIENCE)
    .input(attributeUpdateInput)
    .output(catalogueEntry.omit({ contacts: true }))
    .mutation(({ ctx, input }) =>
      withWorkspaceConfigLock(ctx.workspace.id, "attributes", async () => {
        const { current, all } = await findAttribute(ctx.store, ctx.workspace.id, input.name);
        if (input.options !== undefined && current.type !== "list") {
          refuse("BAD_REQUEST", `“${current.label}” is a ${current.type} attribute; only a one-of-a-list attribute has options.`);
        }
        if (input.options !== undefined && input.options.length === 0) refuse("BAD_REQUEST", LIST_NEEDS_OPTION);
        if (input.label !== undefined) {
          const clash = all.find((a) => a !== current && sameName(a.label, input.label!));
          if (clash) refuse("CONFLICT", `Another attribute is already called “${clash.label}”.`);
        }
        const next = { ...current, label: input.label ?? current.label, options: input.options ?? current.options };
        await upsertAttributeDefinitions(ctx.store, ctx.workspace.id, [next]);
        const { createdBy: _createdBy, ...shown } = next;
        return shown;
      }),
    ),

  /** Archived attributes keep their values on contacts but take no new ones and free a place under the limit. */
  setArchived: workspaceProcedureFor(CAN_EDIT_AUDIENCE)
    .input(attributeArchiveInput)
    .output(z.object({ name: z.string(), archived: z.boolean() }))
    .mutation(({ ctx, input }) =>
      withWorkspaceConfigLock(ctx.workspace.id, "attributes", async () => {
        const { current, all } = await findAttribute(ctx.store, ctx.workspace.id, input.name);
        if (!input.archived && current.archived && !roomForAnotherAttribute(all.filter((a) => !a.archived).length)) {
          refuse("PRECONDITION_FAILED", ATTRIBUTE_LIMIT_MESSAGE);
        }
        await upsertAttributeDefinitions(ctx.store, ctx.workspace.id, [{ ...current, archived: input.archived }]);
        return { name: current.name, archived: input.archived };
      }),
    ),
});
