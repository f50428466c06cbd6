import { z } from "zod";
import { listAttributeDefinitions } from "@/clickhouse/queries/attributes";
import { router, workspaceProcedure } from "../trpc/init";

const attributeDefinition = z.object({ name: z.string(), type: z.string(), options: z.array(z.string()) });

export const attributesRouter = router({
  list: workspaceProcedure
    .output(z.array(attributeDefinition))
    .query(({ ctx }) => listAttributeDefinitions(ctx.store, ctx.workspace.id)),
});
