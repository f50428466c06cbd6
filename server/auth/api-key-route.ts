import { getStore, type Store } from "@/clickhouse/client";
import { withInternalErrors } from "@/server/internal-error";
import { authenticateApiKey } from "./api-keys";

/**
 * A route a workspace's systems call with an API key (the Event API and the
 * imports): 401 without a valid key, else `handle` for the key's workspace,
 * an unexpected failure answered with a request id (withInternalErrors).
 */
export function apiKeyRoute(name: string, handle: (store: Store, workspaceId: string, req: Request) => Response | Promise<Response>) {
  return withInternalErrors(name, async (req: Request) => {
    const store = getStore();
    const key = await authenticateApiKey(store, req.headers.get("authorization"));
    if (!key) return Response.json({ error: "Missing or invalid API key: send Authorization: Bearer <key>." }, { status: 401 });
    return handle(store, key.workspaceId, req);
  });
}
