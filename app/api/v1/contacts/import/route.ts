import { getStore } from "@/clickhouse/client";
import { authenticateApiKey } from "@/server/auth/api-keys";
import { importResponse } from "@/server/ingestion/import-http";
import { withInternalErrors } from "@/server/internal-error";

export const dynamic = "force-dynamic";

/** CSV contact import with an API key (used by `npm run import` while the app runs). */
export const POST = withInternalErrors("POST /api/v1/contacts/import", async (req: Request) => {
  const store = getStore();
  const key = await authenticateApiKey(store, req.headers.get("authorization"));
  if (!key) return Response.json({ error: "Missing or invalid API key: send Authorization: Bearer <key>." }, { status: 401 });
  return importResponse(store, key.workspaceId, req);
});
