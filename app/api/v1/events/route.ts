import { getStore } from "@/clickhouse/client";
import { authenticateApiKey } from "@/server/auth/api-keys";
import { acceptEventBatch } from "@/server/ingestion/event-api";
import { BodyTooLargeError, readBodyLimited } from "@/server/ingestion/http-body";
import { withInternalErrors } from "@/server/internal-error";

export const dynamic = "force-dynamic";

/** The Event API: a batch of events (JSON array or NDJSON) for the API key's workspace. See README. */
export const POST = withInternalErrors("POST /api/v1/events", async (req: Request) => {
  const store = getStore();
  const key = await authenticateApiKey(store, req.headers.get("authorization"));
  if (!key) {
    return Response.json({ error: "Missing or invalid API key: send Authorization: Bearer <key>." }, { status: 401 });
  }
  let body: string;
  try {
    body = await readBodyLimited(req);
  } catch (err) {
    if (err instanceof BodyTooLargeError) return Response.json({ error: err.message }, { status: 413 });
    throw err;
  }
  const { status, answer } = await acceptEventBatch(store, key.workspaceId, body, req.headers.get("content-type") ?? "");
  return Response.json(answer, { status });
});
