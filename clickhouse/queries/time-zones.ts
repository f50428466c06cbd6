import type { Store } from "../client";
import { timeZones } from "../vocabulary/time-zones";

const known = new WeakMap<Store, Promise<readonly string[]>>();

/**
 * The zones a workspace may take: the ones JavaScript knows (vocabulary/time-zones.ts)
 * that the store's tzdata knows as well. The two come from different releases
 * of the IANA database (Node had America/Coyhaique before ClickHouse 26.7 did),
 * and a zone one side lacks would fail every report of the workspace that
 * picked it. Read once per store: the list changes only with an upgrade.
 */
export function availableTimeZones(store: Store): Promise<readonly string[]> {
  let zones = known.get(store);
  if (!zones) {
    zones = store
      .query<{ time_zone: string }>("SELECT time_zone FROM system.time_zones", {}, {
        report: "time-zones",
        tenant: "exempt: the engine's list of time zones belongs to no workspace",
      })
      .then((rows) => {
        const inStore = new Set(rows.map((r) => r.time_zone));
        return timeZones().filter((zone) => inStore.has(zone));
      });
    // A failed read is tried again next time rather than remembered.
    zones.catch(() => known.delete(store));
    known.set(store, zones);
  }
  return zones;
}
