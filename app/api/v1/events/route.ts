import { apiKeyRoute } from "@/server/auth/api-key-route";
import { acceptEventBatch } from "@/server/ingestion/event-api";
import { bodyOrTooLarge } from "@/server/ingestion/http-body";

export const dynamic = "force-dynamic";

/** The Event API: a batch of events (JSON array or NDJSON) for the API key's workspace. See README. */
export const POST = apiKeyRoute("POST /api/v1/events", async (store, workspaceId, req) => {
  const read = await bodyOrTooLarge(req);
  if ("response" in read) return read.response;
  const { status, answer } = await acceptEventBatch(store, workspaceId, read.body, req.headers.get("content-type") ?? "");
  return Response.json(answer, { status });
});
