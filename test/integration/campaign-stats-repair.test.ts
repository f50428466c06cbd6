import { describe, expect, it } from "vitest";
import { ingestEvents, repairCountsAfterStart } from "@/server/ingestion/pipeline";
import { callerFor, createTestWorkspace } from "../helpers/factories";
import { failingNext } from "../helpers/failing-store";
import { useTestStore } from "../helpers/store";
import { numberedEvents } from "../helpers/events";

const store = useTestStore();

/**
 * The campaign list counts from campaign_stats, which a round adds to after it
 * writes its recipients rows. A process that stops between the two, or a
 * statement that fails there, must not leave the list short for good.
 */

const RANGE = { from: "2026-03-01", to: "2026-03-31" };
const PEOPLE = ["+919900000101", "+919900000102", "+919900000103", "+919900000104"];
const at = (hhmm: string) => `2026-03-02T${hhmm}:00Z`;

function campaignEvents(tag: string) {
  const ev = numberedEvents(tag);
  const wamid = (contact: string) => `wamid.${tag}.${contact}`;
  const sent = [
    ev({ type: "campaign.created", campaign_id: "spring", name: "Spring sale", template: "spring_v1", ts: at("09:00") }),
    ev({ type: "campaign.sent", campaign_id: "spring", ts: at("10:00") }),
    ...PEOPLE.map((contact) =>
      ev({ type: "message.outbound", kind: "template", contact, ts: at("10:00"), wamid: wamid(contact), campaign_id: "spring", template: "spring_v1" }),
    ),
    ...PEOPLE.map((contact) => ev({ type: "message.status", contact, ts: at("10:01"), wamid: wamid(contact), status: "delivered" })),
  ];
  // Three of the four read it, in a later batch.
  const reads = PEOPLE.slice(0, 3).map((contact) => ev({ type: "message.status", contact, ts: at("10:30"), wamid: wamid(contact), status: "read" }));
  return { sent, reads };
}

async function listed(workspaceId: string, userId: string) {
  const { rows } = await callerFor(store(), userId).campaigns.list({ workspaceId, ...RANGE });
  const [spring] = rows;
  return { recipients: spring.recipients, delivered: spring.delivered, read: spring.read };
}

/**
 * A workspace whose campaign went in, and whose batch of reads then stopped
 * halfway: their recipients rows written, adding their counts failed, the
 * sender told so. The handle `app` is the process that saw it.
 */
async function stoppedHalfway(tag: string) {
  const ws = await createTestWorkspace(store(), { members: [{ role: "analyst" }] });
  const { sent, reads } = campaignEvents(tag);
  const app = failingNext(store());
  await ingestEvents(app.store, ws.workspaceId, sent);
  app.failNext("read-models:campaign-stats");
  await expect(ingestEvents(app.store, ws.workspaceId, reads)).rejects.toThrow("the store went away");
  return { app, reads, workspaceId: ws.workspaceId, userId: ws.members[0].userId };
}

describe("campaign counts after a round stopped halfway", () => {
  it("a batch retried after its counts failed to be written is counted once, in full", async () => {
    const { app, reads, workspaceId, userId } = await stoppedHalfway("retry");

    // The retry stores nothing new, and its refresh first puts the counts right.
    await expect(ingestEvents(app.store, workspaceId, reads)).resolves.toEqual({ stored: 0, duplicates: 3 });
    expect(await listed(workspaceId, userId)).toEqual({ recipients: 4, delivered: 4, read: 3 });
  });

  it("a start puts right what the process before it left uncounted, and a second start adds nothing", async () => {
    const { workspaceId, userId } = await stoppedHalfway("restart");
    // What the stopped process left: the reads are stored, the list does not count them.
    expect(await listed(workspaceId, userId)).toEqual({ recipients: 4, delivered: 4, read: 0 });

    // A new process on the same store (not the wrapper that saw the failure).
    await repairCountsAfterStart(store());
    expect(await listed(workspaceId, userId)).toEqual({ recipients: 4, delivered: 4, read: 3 });

    const statRows = async () =>
      (await store().query<{ n: string }>(`SELECT count() AS n FROM campaign_stats WHERE workspace_id = {workspaceId:String}`, { workspaceId }, { report: "test:campaign-stats-repair" }))[0].n;
    const settled = await statRows();
    await repairCountsAfterStart(store());
    expect(await statRows()).toBe(settled);
  });
});
