import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { FilterTree } from "@/clickhouse/vocabulary/filter-tree";
import { listContacts } from "@/clickhouse/queries/contact-list";
import { countSegment } from "@/clickhouse/queries/segments/audience";
import { importContactsCsv } from "@/server/ingestion/csv-import";
import { ingestEvents, repairCountsAfterStart } from "@/server/ingestion/pipeline";
import { numberedEvents } from "../helpers/events";
import { randomId } from "../helpers/factories";
import { failingNext } from "../helpers/failing-store";
import { useTestStore } from "../helpers/store";

const store = useTestStore();

// A segment's "of N contacts" and the contacts list's total read the number of
// contacts the rounds keep (contact_totals, 0044) instead of counting every
// contact. It must be the count at every moment a screen can read it: after new
// and known contacts, re-imports, and a round that stopped halfway.

const EVERYONE: FilterTree = { kind: "group", join: "and", children: [] };
/** A segment no contact is in: its "of N contacts" is the kept total as it is. */
const NOBODY: FilterTree = { kind: "group", join: "and", children: [{ kind: "tags", op: "any", tags: ["nobody has this tag"], tagKind: "any" }] };
const CLOCK = { now: new Date("2026-11-10T00:00:00Z"), timeZone: "UTC" };

/** What the screens show, and what a count of the contacts says. */
async function totals(workspaceId: string) {
  const [counted] = await store().query<{ n: string }>(
    "SELECT count() AS n FROM contacts FINAL WHERE workspace_id = {workspaceId:String}",
    { workspaceId },
    { report: "test:contact-totals" },
  );
  return {
    counted: Number(counted.n),
    segment: (await countSegment(store(), workspaceId, NOBODY, CLOCK)).total,
    list: (await listContacts(store(), workspaceId, { sort: "phone", direction: "asc", limit: 1, offset: 0 }, CLOCK.now)).total,
  };
}

const inbound = (ev: ReturnType<typeof numberedEvents>, contact: string, ts: string) =>
  ev({ type: "message.inbound", message_type: "text", contact, ts, wamid: `wamid.${contact}.${ts}`, text: "hi" });

describe("the number of contacts the rounds keep", () => {
  it("follows new contacts, known ones and re-imports, round after round", async () => {
    const ws = randomId("ws");
    const ev = numberedEvents("totals");
    expect(await totals(ws)).toEqual({ counted: 0, segment: 0, list: 0 });

    await ingestEvents(store(), ws, [inbound(ev, "+919812300001", "2026-11-01T10:00:00Z"), inbound(ev, "+919812300002", "2026-11-01T10:00:00Z")]);
    expect(await totals(ws)).toEqual({ counted: 2, segment: 2, list: 2 });

    // One known contact writes again, one new one writes twice in the round.
    await ingestEvents(store(), ws, [
      inbound(ev, "+919812300001", "2026-11-02T10:00:00Z"),
      inbound(ev, "+919812300003", "2026-11-02T10:00:00Z"),
      inbound(ev, "+919812300003", "2026-11-02T11:00:00Z"),
    ]);
    expect(await totals(ws)).toEqual({ counted: 3, segment: 3, list: 3 });

    // An import of a known and a new contact, then the same file again.
    const file = "Phone,Name\n98123 00003,Mia\n98123 00004,Noor\n";
    for (let i = 0; i < 2; i++) await importContactsCsv(store(), ws, Readable.from([file]), { country: "IN" });
    expect(await totals(ws)).toEqual({ counted: 4, segment: 4, list: 4 });
  });

  it("is put right after a round stopped between its contacts' rows and their count, by the next round or by a start", async () => {
    const ws = randomId("ws");
    const ev = numberedEvents("stopped");
    const app = failingNext(store());
    await ingestEvents(app.store, ws, [inbound(ev, "+919812300011", "2026-11-01T10:00:00Z")]);
    app.failNext("read-models:contact-total");
    const stopped = [inbound(ev, "+919812300012", "2026-11-01T10:00:00Z"), inbound(ev, "+919812300013", "2026-11-01T10:00:00Z")];
    await expect(ingestEvents(app.store, ws, stopped)).rejects.toThrow("the store went away");
    // The rows are there, their count is not; a segment holding them still says "3 of 3".
    expect(await totals(ws)).toEqual({ counted: 3, segment: 1, list: 1 });
    expect(await countSegment(store(), ws, EVERYONE, CLOCK)).toMatchObject({ matching: 3, total: 3 });

    // The retry stores nothing new, and its refresh first puts the total right.
    await expect(ingestEvents(app.store, ws, stopped)).resolves.toEqual({ stored: 0, duplicates: 2 });
    expect(await totals(ws)).toEqual({ counted: 3, segment: 3, list: 3 });

    // A process that stopped there and started again puts it right before any round.
    const other = randomId("ws");
    const restarted = failingNext(store());
    restarted.failNext("read-models:contact-total");
    await expect(ingestEvents(restarted.store, other, [inbound(ev, "+919812300021", "2026-11-01T10:00:00Z")])).rejects.toThrow("the store went away");
    expect(await totals(other)).toEqual({ counted: 1, segment: 0, list: 0 });
    await repairCountsAfterStart(store());
    expect(await totals(other)).toEqual({ counted: 1, segment: 1, list: 1 });
    // And adds nothing where the total was right.
    expect(await totals(ws)).toEqual({ counted: 3, segment: 3, list: 3 });
  });
});
