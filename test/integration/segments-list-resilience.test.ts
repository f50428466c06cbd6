import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Store } from "@/clickhouse/client";
import { writeSavedSegment } from "@/clickhouse/queries/segments/saved";
import type { FilterTree } from "@/clickhouse/vocabulary/filter-tree";
import { segmentCsvStream } from "@/server/segments/export-csv";
import { exportResponse } from "@/server/segments/export-http";
import { insertEvents } from "../helpers/events";
import { storeFailingOn as failingOn } from "../helpers/failing-store";
import { callerFor, createTestWorkspace, type TestWorkspace } from "../helpers/factories";
import { useTestStore } from "../helpers/store";

const store = useTestStore();
let ws: TestWorkspace;
const marketer = (s: Store = store()) => callerFor(s, ws.members[0].userId);

const tree = (...children: FilterTree["children"]): FilterTree => ({ kind: "group", join: "and", children });
/** The tree of the report: the first supported day to a day well inside the range. */
const everyone = tree({ kind: "firstSeen", from: "1970-01-01", to: "2100-01-01" });
/** A tag no contact has; storeFailingOn(POISON) fails every statement that binds it, as ClickHouse would. */
const POISON = "poison-tag";
const poisoned = tree({ kind: "tags", op: "any", tags: [POISON], tagKind: "any" });

async function saveRaw(name: string, filter: unknown): Promise<string> {
  const segmentId = `seg-${name.replace(/\W+/g, "-")}`;
  // Written as an older version did, without today's validation.
  await writeSavedSegment(
    store(),
    ws.workspaceId,
    { segmentId, name, description: "", kind: "dynamic", filter: JSON.stringify(filter), createdBy: ws.members[0].userId, updatedBy: ws.members[0].userId },
    { action: "created", summary: `Created “${name}”`, by: ws.members[0].userId },
  );
  return segmentId;
}

const storeFailingOn = (marker: string) => failingOn(store(), marker);
const exportUrl = (params: Record<string, string> = {}) => new URL(`http://localhost/api/w/x/segments/y/export?${new URLSearchParams(params)}`);

beforeAll(async () => {
  ws = await createTestWorkspace(store(), { members: [{ role: "marketer" }] });
  const inbound = (contact: string, iso: string) => ({ workspace_id: ws.workspaceId, contact, type: "message.inbound", ts: Date.parse(iso), text: "hi" });
  await insertEvents(store(), [inbound("+919800000001", "2026-01-05T10:00:00Z"), inbound("+919800000002", "2026-02-05T10:00:00Z")]);
});

afterEach(() => vi.restoreAllMocks());

describe("a segment from the first supported day", () => {
  it("saves, lists with its size, counts, previews, freezes and exports", async () => {
    const input = { workspaceId: ws.workspaceId };
    const { segmentId } = await marketer().segments.save({ ...input, name: "Since 1970", tree: everyone });
    expect((await marketer().segments.list(input)).map((s) => s.segmentId)).toContain(segmentId);
    expect(await marketer().segments.size({ ...input, segmentId })).toMatchObject({ size: { matching: 2, total: 2 }, problem: null });
    expect(await marketer().segments.count({ ...input, tree: everyone })).toEqual({ matching: 2, total: 2, optedOut: 0 });
    expect((await marketer().segments.preview({ ...input, tree: everyone })).rows).toHaveLength(2);
    const frozen = await marketer().segments.freeze({ ...input, segmentId });
    const list = await marketer().segments.list(input);
    expect(list.find((s) => s.segmentId === frozen.segmentId)).toMatchObject({ kind: "static" });
    expect(await marketer().segments.size({ ...input, segmentId: frozen.segmentId })).toMatchObject({ size: { matching: 2, total: 2 } });

    const res = await exportResponse(store(), ws.workspaceId, segmentId, exportUrl());
    expect(res.status).toBe(200);
    expect((await res.text()).trimEnd().split("\r\n")).toEqual(["phone,name,tags", "+919800000001,,", "+919800000002,,"]);
  });
});

describe("a broken saved segment", () => {
  it("stored with dates outside the supported range is listed, and its size says its problem; the others have their size", async () => {
    const input = { workspaceId: ws.workspaceId };
    const good = await marketer().segments.save({ ...input, name: "Good", tree: everyone });
    const broken = await saveRaw("Far future", tree({ kind: "firstSeen", from: "2000-01-01", to: "9999-12-31" }));
    expect((await marketer().segments.list(input)).map((s) => s.segmentId)).toEqual(expect.arrayContaining([good.segmentId, broken]));
    expect(await marketer().segments.size({ ...input, segmentId: good.segmentId })).toMatchObject({ size: { matching: 2, total: 2 }, problem: null });
    expect(await marketer().segments.size({ ...input, segmentId: broken })).toMatchObject({
      size: null,
      problem: "condition 1 (to): 9999-12-31 is outside the supported dates, 1970-01-01 to 2105-12-31",
    });

    // Everything that runs it says why, as a 400, instead of failing in the store.
    await expect(marketer().segments.freeze({ ...input, segmentId: broken })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("1970-01-01 to 2105-12-31") });
    const res = await exportResponse(store(), ws.workspaceId, broken, exportUrl());
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: expect.stringContaining("9999-12-31 is outside the supported dates, 1970-01-01 to 2105-12-31") });
  });

  it("whose count fails in the store has a request id instead of a size, and never takes the list down", async () => {
    const input = { workspaceId: ws.workspaceId };
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const good = await marketer().segments.save({ ...input, name: "Still counted", tree: everyone });
    const failing = await marketer().segments.save({ ...input, name: "Fails in the store", tree: poisoned });

    const caller = marketer(storeFailingOn(POISON));
    expect((await caller.segments.list(input)).map((s) => s.segmentId)).toEqual(expect.arrayContaining([good.segmentId, failing.segmentId]));
    expect(await caller.segments.size({ ...input, segmentId: good.segmentId })).toMatchObject({ size: { matching: 2, total: 2 }, problem: null });
    const bad = await caller.segments.size({ ...input, segmentId: failing.segmentId });
    expect(bad.size).toBeNull();
    expect(bad.problem).toMatch(/^its size could not be read; quote request id [0-9a-f]{12} when you report it$/);
    expect(JSON.stringify(bad)).not.toContain("DB::Exception");
    // The details are in the server log, under the same id.
    const requestId = bad.problem!.match(/request id (\w+)/)![1];
    expect(log).toHaveBeenCalledWith(expect.stringContaining(requestId), expect.objectContaining({ message: expect.stringContaining("Cannot parse DateTime") }));
  });

  it("whose export fails in the store answers a 500 with a request id before any line of CSV", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const failing = await marketer().segments.save({ workspaceId: ws.workspaceId, name: "Export fails", tree: poisoned });
    const res = await exportResponse(storeFailingOn(POISON), ws.workspaceId, failing.segmentId, exportUrl());
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: string; requestId: string };
    expect(body).toEqual({ error: expect.stringContaining(`quote request id ${body.requestId}`), requestId: expect.stringMatching(/^[0-9a-f]{12}$/) });
    expect(JSON.stringify(body)).not.toMatch(/DB::Exception|Cannot parse|at .*\.ts/);
    expect(log).toHaveBeenCalledWith(expect.stringContaining(body.requestId), expect.anything());
  });

  it("whose export fails after the first page ends the download with an error, never a short file that looks whole", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    // One contact a page: the second page is the first read that binds the second contact.
    const stream = await segmentCsvStream(storeFailingOn("+919800000002"), ws.workspaceId, everyone, { attributes: [], attributeTypes: new Map(), clock: { now: new Date(), timeZone: "UTC" }, pageRows: 1 });
    await expect(new Response(stream).text()).rejects.toThrow("The export stopped");
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/request [0-9a-f]{12} failed/), expect.objectContaining({ message: expect.stringContaining("Cannot parse DateTime") }));
  });
});
