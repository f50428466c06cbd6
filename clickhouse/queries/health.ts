import type { Store } from "../client";

export async function storeHealth(store: Store): Promise<{ version: string }> {
  const [row] = await store.query<{ version: string }>("SELECT version() AS version", {}, {
    report: "health:version",
    tenant: "exempt: reads only the server version",
  });
  return { version: row.version };
}
