import { getStore } from "@/clickhouse/client";
import { storeHealth } from "@/clickhouse/queries/health";

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
    return Response.json({ status: "unavailable", store: kind, error: (err as Error).message }, { status: 503 });
  }
}
