import { TRPCError } from "@trpc/server";
import type { Store } from "@/clickhouse/client";
import { availableTimeZones } from "@/clickhouse/queries/time-zones";

/** Refuses a zone the runtime knows but the store's tzdata does not (clickhouse/queries/time-zones.ts): its reports would all fail. */
export async function requireAvailableZone(store: Store, timeZone: string): Promise<void> {
  if ((await availableTimeZones(store)).includes(timeZone)) return;
  throw new TRPCError({ code: "BAD_REQUEST", message: `timeZone: ChatLens's database does not know "${timeZone}" yet; pick a neighbouring zone with the same time` });
}
