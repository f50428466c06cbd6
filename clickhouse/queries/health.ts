import type { Store } from "../client";

export const TENANT_EXEMPT = "reads only the server version";

export async function storeHealth(store: Store): Promise<{ version: string }> {
  const [row] = await store.query<{ version: string }>("SELECT version() AS version");
  return { version: row.version };
}
