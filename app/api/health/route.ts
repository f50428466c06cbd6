import { getStore } from "@/clickhouse/client";
import { storeHealth } from "@/clickhouse/queries/health";
import { logInternalError } from "@/server/internal-error";

export const dynamic = "force-dynamic";

const TIMEOUT_MS = 3000;

/** 200 with the store in use and its ClickHouse version; 503 when the store does not answer in time. */
export async function GET() {
  let kind = "unknown";
  try {
    const store = getStore();
    kind = store.kind;
    const health = await Promise.race([
      storeHealth(store),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS)),
    ]);
    return Response.json({ status: "ok", store: store.kind, clickhouseVersion: health.version });
  } catch (err) {
    // Details stay in the log; the answer names the request id to look for.
    const requestId = logInternalError("GET /api/health", err);
    return Response.json({ status: "unavailable", store: kind, error: `The store did not answer; see the server log for request id ${requestId}.`, requestId }, { status: 503 });
  }
}
