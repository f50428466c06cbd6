import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventSchema } from "@/server/events/schema";
import { ingestEvents } from "@/server/ingestion/pipeline";
import { getDestination } from "@/clickhouse/queries/destinations";
import { runSync } from "@/server/sync/run-sync";
import { tick } from "@/server/sync/scheduler";
import { verifySignature } from "@/server/sync/signature";
import { callerFor, createTestWorkspace, type TestWorkspace } from "../helpers/factories";
import { startReceiver } from "../helpers/receiver";
import { useTestStore } from "../helpers/store";
import { trpcError } from "../helpers/trpc-error";

const store = useTestStore();
let ws: TestWorkspace;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let segmentId: string;

const phone = (n: number) => `+9198000${String(n).padStart(5, "0")}`;
let seq = 0;
const ev = (e: Record<string, unknown>) => eventSchema.parse({ event_id: `sync-${++seq}`, ts: new Date(Date.now() - 3600_000).toISOString(), ...e });
const tag = (type: "tag.added" | "tag.removed", n: number) => ev({ type, contact: phone(n), tag: "VIP", kind: "manual" });

const as = (role: "admin" | "marketer" | "manager" | "analyst") => callerFor(store(), ws.members.find((m) => m.role === role)!.userId);
const workspaceId = () => ws.workspaceId;
const joinsOf = (lines: Array<Record<string, string>>) => lines.filter((l) => l.action === "join").map((l) => l.contact_id).sort();
const leavesOf = (lines: Array<Record<string, string>>) => lines.filter((l) => l.action === "leave").map((l) => l.contact_id).sort();

async function connect(name: string, schedule: "manual" | "hourly" | "daily" = "manual") {
  return as("marketer").destinations.create({ workspaceId: workspaceId(), segmentId, name, url: receiver.url, schedule });
}
async function destination(destinationId: string) {
  const { destinations } = await as("marketer").destinations.list({ workspaceId: workspaceId(), segmentId });
  return destinations.find((d) => d.destinationId === destinationId)!;
}

beforeAll(async () => {
  ws = await createTestWorkspace(store(), { members: [{ role: "admin" }, { role: "marketer" }, { role: "manager" }, { role: "analyst" }] });
  receiver = await startReceiver();
  // Twelve contacts; 1–6 are VIPs.
  await ingestEvents(store(), workspaceId(), [
    ...Array.from({ length: 12 }, (_, i) => ev({ type: "message.inbound", contact: phone(i + 1), text: "Hi", profile_name: `Person ${i + 1}` })),
    ...[1, 2, 3, 4, 5, 6].map((n) => tag("tag.added", n)),
  ]);
  ({ segmentId } = await as("marketer").segments.save({
    workspaceId: workspaceId(),
    name: "VIPs",
    tree: { kind: "group", join: "and", children: [{ kind: "tags", op: "any", tags: ["VIP"], tagKind: "any" }] },
  }));
});

afterAll(async () => {
  await receiver?.close();
});

describe("connecting a destination", () => {
  it("refuses addresses that are not https (loopback aside, outside production), with what to do", async () => {
    const create = (url: string) => as("marketer").destinations.create({ workspaceId: workspaceId(), segmentId, name: "CRM", url, schedule: "manual" });
    for (const [url, message] of [
      ["http://crm.example.com/hook", "url: use https://"],
      ["crm.example.com/hook", "url: enter a full address"],
      ["ftp://crm.example.com/hook", "url: ftp is not a web address"],
      ["https://user:secret@crm.example.com/hook", "url: remove the user name and password"],
    ]) {
      const err = await trpcError(create(url));
      expect(err.code, url).toBe("BAD_REQUEST");
      expect(err.message, url).toContain(message);
    }
    const err = await trpcError(as("marketer").destinations.create({ workspaceId: workspaceId(), segmentId, name: " ", url: receiver.url, schedule: "weekly" as never }));
    expect(err.message).toContain("name: give the destination a name");
    expect(err.message).toContain("schedule: pick manual, hourly or daily");
  });

  it("lets admins and marketers manage destinations; managers and analysts read them, the address cut to its origin", async () => {
    for (const role of ["manager", "analyst"] as const) {
      const err = await trpcError(as(role).destinations.create({ workspaceId: workspaceId(), segmentId, name: "CRM", url: receiver.url, schedule: "manual" }));
      expect(err.code).toBe("FORBIDDEN");
    }
    const { destinationId, secret } = await as("admin").destinations.create({ workspaceId: workspaceId(), segmentId, name: "Admin's CRM", url: receiver.url, schedule: "manual" });
    expect(secret).toMatch(/^whsec_[\w-]{43}$/);
    const seen = await as("analyst").destinations.list({ workspaceId: workspaceId(), segmentId });
    expect(seen.canManage).toBe(false);
    const row = seen.destinations.find((d) => d.destinationId === destinationId)!;
    expect(row.url).toBe(`${new URL(receiver.url).origin}/…`);
    expect(JSON.stringify(seen)).not.toContain(secret);
    expect((await trpcError(as("analyst").destinations.syncNow({ workspaceId: workspaceId(), destinationId }))).code).toBe("FORBIDDEN");
    expect((await trpcError(as("manager").destinations.remove({ workspaceId: workspaceId(), destinationId }))).code).toBe("FORBIDDEN");
    const mine = await as("marketer").destinations.list({ workspaceId: workspaceId(), segmentId });
    expect(mine.canManage).toBe(true);
    expect(mine.destinations.find((d) => d.destinationId === destinationId)!.url).toBe(receiver.url);
    await as("marketer").destinations.remove({ workspaceId: workspaceId(), destinationId });
    expect((await as("marketer").destinations.list({ workspaceId: workspaceId(), segmentId })).destinations.map((d) => d.destinationId)).not.toContain(destinationId);
  });
});

describe("syncing", () => {
  it("sends the whole audience first, then exactly who joined and left, signed with the secret shown once", async () => {
    const { destinationId, secret } = await connect("Exact");
    receiver.requests.length = 0;
    const first = await as("marketer").destinations.syncNow({ workspaceId: workspaceId(), destinationId });
    expect(first).toMatchObject({ outcome: "delivered", joins: 6, leaves: 0, requests: 1, statusCode: 200 });
    expect(receiver.requests).toHaveLength(1);
    const [request] = receiver.requests;
    expect(request.headers["content-type"]).toBe("application/x-ndjson");
    expect(joinsOf(request.lines)).toEqual([1, 2, 3, 4, 5, 6].map(phone));
    expect(request.lines[0]).toMatchObject({ action: "join", contact_id: phone(1), phone: phone(1), name: "Person 1" });
    const headers = { signature: String(request.headers["x-chatlens-signature"]), timestamp: String(request.headers["x-chatlens-timestamp"]) };
    expect(verifySignature(secret, request.body, headers)).toBe(true);
    expect(verifySignature("whsec_another", request.body, headers)).toBe(false);
    expect(verifySignature(secret, request.body.replace(phone(1), phone(7)), headers)).toBe(false);
    // The same request replayed an hour later is refused by its timestamp.
    expect(verifySignature(secret, request.body, headers, Date.now() / 1000 + 3600)).toBe(false);

    // 1 and 2 lose the tag, 7, 8 and 9 get it.
    await ingestEvents(store(), workspaceId(), [tag("tag.removed", 1), tag("tag.removed", 2), tag("tag.added", 7), tag("tag.added", 8), tag("tag.added", 9)]);
    receiver.requests.length = 0;
    const second = await as("marketer").destinations.syncNow({ workspaceId: workspaceId(), destinationId });
    expect(second).toMatchObject({ outcome: "delivered", joins: 3, leaves: 2 });
    const lines = receiver.requests.flatMap((r) => r.lines);
    expect(joinsOf(lines)).toEqual([7, 8, 9].map(phone));
    expect(leavesOf(lines)).toEqual([1, 2].map(phone));

    // Nothing changed: nothing is sent, and the log says so.
    receiver.requests.length = 0;
    const third = await as("marketer").destinations.syncNow({ workspaceId: workspaceId(), destinationId });
    expect(third).toMatchObject({ outcome: "delivered", joins: 0, leaves: 0, requests: 0, message: "Nothing joined or left since the last sync." });
    expect(receiver.requests).toHaveLength(0);

    const log = (await destination(destinationId)).deliveries;
    expect(log.map((d) => [d.joins, d.leaves, d.outcome])).toEqual([
      [0, 0, "delivered"],
      [3, 2, "delivered"],
      [6, 0, "delivered"],
    ]);
    // Put the audience back as it was for the tests after this one.
    await ingestEvents(store(), workspaceId(), [tag("tag.added", 1), tag("tag.added", 2), tag("tag.removed", 7), tag("tag.removed", 8), tag("tag.removed", 9)]);
  });

  it("retries a receiver that fails twice with a growing pause, then delivers the same sync once it answers", async () => {
    const { destinationId } = await connect("Flaky");
    receiver.plan([500, 503], "database is down");
    receiver.requests.length = 0;
    const first = await as("marketer").destinations.syncNow({ workspaceId: workspaceId(), destinationId });
    expect(first).toMatchObject({ outcome: "failed", attempt: 1, statusCode: 500, message: "The receiver answered 500: database is down" });
    // 1 minute, with jitter between half and all of it.
    expect(first!.nextTryAt! - first!.startedAt).toBeGreaterThanOrEqual(30_000);
    expect(first!.nextTryAt! - first!.startedAt).toBeLessThanOrEqual(60_000);

    // Not due yet: nothing happens.
    expect((await tick(store(), first!.nextTryAt! - 1)).syncs).toBe(0);
    expect(receiver.requests).toHaveLength(1);

    const second = (await tick(store(), first!.nextTryAt!, () => 0)).syncs;
    expect(second).toBe(1);
    let d = await destination(destinationId);
    expect(d.deliveries[0]).toMatchObject({ outcome: "failed", attempt: 2, trigger: "retry", statusCode: 503 });
    // The second pause is twice the first: 2 minutes, at least half of it with random() = 0.
    expect(d.nextSyncAt! - d.deliveries[0].startedAt).toBe(60_000);

    await tick(store(), d.nextSyncAt!);
    d = await destination(destinationId);
    expect(d.deliveries[0]).toMatchObject({ outcome: "delivered", attempt: 3, trigger: "retry", joins: 6, leaves: 0, statusCode: 200 });
    expect(d.failedAttempts).toBe(0);
    expect(d.nextSyncAt).toBeNull();
    // Three requests of one sync, each the whole first audience.
    expect(receiver.requests).toHaveLength(3);
    expect(new Set(receiver.requests.map((r) => r.headers["x-chatlens-sync-id"])).size).toBe(1);
    for (const r of receiver.requests) expect(joinsOf(r.lines)).toEqual([1, 2, 3, 4, 5, 6].map(phone));
  });

  it("pauses a destination after 5 failed deliveries in a row, with the reason, and resumes it", async () => {
    const { destinationId } = await connect("Broken");
    receiver.plan([502, 502, 502, 502, 502], "<html>Bad gateway</html>");
    const first = await as("marketer").destinations.syncNow({ workspaceId: workspaceId(), destinationId });
    expect(first?.outcome).toBe("failed");
    let d = await destination(destinationId);
    let lastTick = 0;
    for (let i = 2; i <= 5; i++) {
      lastTick = d.nextSyncAt!;
      await tick(store(), lastTick);
      d = await destination(destinationId);
    }
    expect(d.state).toBe("paused");
    expect(d.pausedReason).toBe("5 deliveries in a row failed; the last: The receiver answered 502: <html>Bad gateway</html>");
    expect(d.nextSyncAt).toBeNull();
    expect(d.deliveries.map((x) => x.outcome)).toEqual(["paused", "failed", "failed", "failed", "failed"]);
    const refused = await trpcError(as("marketer").destinations.syncNow({ workspaceId: workspaceId(), destinationId }));
    expect(refused.code).toBe("PRECONDITION_FAILED");
    expect(refused.message).toContain("resume it first");
    expect((await trpcError(as("analyst").destinations.resume({ workspaceId: workspaceId(), destinationId }))).code).toBe("FORBIDDEN");

    await as("marketer").destinations.resume({ workspaceId: workspaceId(), destinationId });
    d = await destination(destinationId);
    expect(d).toMatchObject({ state: "active", pausedReason: "", failedAttempts: 0 });
    expect(Math.abs(d.nextSyncAt! - Date.now())).toBeLessThan(60_000);
    // The test's clock ran ahead with the retries; the resumed sync is due at any later tick.
    await tick(store(), lastTick + 1000);
    d = await destination(destinationId);
    expect(d.deliveries[0]).toMatchObject({ outcome: "delivered", joins: 6 });
  });

  it("sends batches in contact order, joins then leaves, and a retry resumes after the last batch the receiver took", async () => {
    const { destinationId } = await connect("Batched");
    const stored = async () => (await getDestination(store(), workspaceId(), destinationId))!;
    await runSync(store(), await stored(), { now: Date.now(), trigger: "manual", batchLines: 4 });
    await ingestEvents(store(), workspaceId(), [tag("tag.removed", 1), tag("tag.removed", 3), tag("tag.added", 11), tag("tag.added", 12)]);
    receiver.requests.length = 0;
    // Batches of 2: the joins 11, 12, then the leaves 1, 3; the second batch fails.
    receiver.plan([200, 500], "try later");
    const failed = await runSync(store(), await stored(), { now: Date.now(), trigger: "manual", batchLines: 2 });
    expect(failed).toMatchObject({ outcome: "failed", joins: 2, leaves: 2, requests: 1, statusCode: 500 });
    const retried = await runSync(store(), await stored(), { now: Date.now(), trigger: "retry", batchLines: 2 });
    expect(retried).toMatchObject({ outcome: "delivered", attempt: 2, joins: 2, leaves: 2, requests: 1 });
    expect(receiver.requests.map((r) => r.lines.map((l) => `${l.action} ${l.contact_id}`))).toEqual([
      [`join ${phone(11)}`, `join ${phone(12)}`],
      [`leave ${phone(1)}`, `leave ${phone(3)}`],
      [`leave ${phone(1)}`, `leave ${phone(3)}`],
    ]);
    expect(receiver.requests.map((r) => r.headers["x-chatlens-batch"])).toEqual(["1", "2", "1"]);
    await ingestEvents(store(), workspaceId(), [tag("tag.added", 1), tag("tag.added", 3), tag("tag.removed", 11), tag("tag.removed", 12)]);
  });

  it("says when the receiver cannot be reached, without any engine or system text beyond its code", async () => {
    const closed = await startReceiver();
    await closed.close();
    const { destinationId } = await as("marketer").destinations.create({ workspaceId: workspaceId(), segmentId, name: "Gone", url: closed.url, schedule: "manual" });
    const result = await as("marketer").destinations.syncNow({ workspaceId: workspaceId(), destinationId });
    expect(result).toMatchObject({ outcome: "failed", statusCode: 0, message: "The receiver could not be reached (ECONNREFUSED)." });
    await as("marketer").destinations.remove({ workspaceId: workspaceId(), destinationId });
  });

  it("syncs on its schedule: the first tick sends everything, the next one an hour after the last sync", async () => {
    const { destinationId } = await connect("Hourly", "hourly");
    let d = await destination(destinationId);
    const start = d.nextSyncAt!;
    expect(Math.abs(start - Date.now())).toBeLessThan(60_000);
    await tick(store(), start);
    d = await destination(destinationId);
    expect(d.deliveries[0]).toMatchObject({ trigger: "schedule", outcome: "delivered", joins: 6 });
    expect(d.nextSyncAt).toBe(start + 3600_000);
    await tick(store(), start + 1800_000);
    expect((await destination(destinationId)).deliveries).toHaveLength(1);

    await ingestEvents(store(), workspaceId(), [tag("tag.added", 10)]);
    await tick(store(), start + 3600_000);
    d = await destination(destinationId);
    expect(d.deliveries[0]).toMatchObject({ trigger: "schedule", outcome: "delivered", joins: 1, leaves: 0 });
    await as("marketer").destinations.update({ workspaceId: workspaceId(), destinationId, name: "By hand", schedule: "manual" });
    d = await destination(destinationId);
    expect(d).toMatchObject({ name: "By hand", schedule: "manual", nextSyncAt: null });
    await ingestEvents(store(), workspaceId(), [tag("tag.removed", 10)]);
  });

  it("pauses a destination whose segment was deleted", async () => {
    const { segmentId: doomed } = await as("marketer").segments.save({
      workspaceId: workspaceId(),
      name: "Short-lived",
      tree: { kind: "group", join: "and", children: [{ kind: "tags", op: "any", tags: ["VIP"], tagKind: "any" }] },
    });
    const { destinationId } = await as("marketer").destinations.create({ workspaceId: workspaceId(), segmentId: doomed, name: "Orphan", url: receiver.url, schedule: "daily" });
    await as("marketer").segments.delete({ workspaceId: workspaceId(), segmentId: doomed });
    await tick(store(), Date.now() + 1000);
    const { destinations } = await as("marketer").destinations.list({ workspaceId: workspaceId(), segmentId: doomed });
    expect(destinations.find((d) => d.destinationId === destinationId)).toMatchObject({ state: "paused", pausedReason: "The segment was deleted." });
  });
});
