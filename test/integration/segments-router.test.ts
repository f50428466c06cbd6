import { beforeAll, describe, expect, it } from "vitest";
import { upsertAttributeDefinitions } from "@/clickhouse/queries/attributes";
import { upsertTagDefinitions } from "@/clickhouse/queries/tags";
import type { Store } from "@/clickhouse/client";
import { eventSchema } from "@/server/events/schema";
import { ingestEvents } from "@/server/ingestion/pipeline";
import { evaluateNode, type ContactFacts } from "@/server/segments/evaluate";
import { csvField, segmentCsvStream } from "@/server/segments/export-csv";
import type { FilterTree } from "@/clickhouse/vocabulary/filter-tree";
import { callerFor, createTestWorkspace, type TestWorkspace } from "../helpers/factories";
import { useTestStore } from "../helpers/store";
import { ATTRIBUTES, FIRST_MESSAGE_TAGS, generateContacts } from "./segments-data";

const store = useTestStore();
const now = Date.now();
let ws: TestWorkspace;
let facts: ContactFacts[];
const attributeTypes = new Map(ATTRIBUTES.map((a) => [a.name, a.type]));

const leadsInPro: FilterTree = {
  kind: "group",
  join: "and",
  children: [
    { kind: "tags", op: "any", tags: ["lead", "vip"], tagKind: "any" },
    { kind: "group", join: "or", children: [{ kind: "attribute", attribute: "plan", op: "anyOf", values: ["pro"] }, { kind: "status", values: ["history"] }] },
  ],
};

beforeAll(async () => {
  ws = await createTestWorkspace(store(), { members: [{ role: "marketer" }, { role: "analyst" }, { role: "admin" }] });
  await upsertTagDefinitions(store(), ws.workspaceId, FIRST_MESSAGE_TAGS);
  await upsertAttributeDefinitions(store(), ws.workspaceId, ATTRIBUTES);
  const data = generateContacts(80, now, 3);
  facts = data.facts;
  await ingestEvents(store(), ws.workspaceId, data.events);
});

const as = (role: "marketer" | "analyst" | "admin") => callerFor(store(), ws.members.find((m) => m.role === role)!.userId);
const expected = (tree: FilterTree) => facts.filter((f) => evaluateNode(tree, f, { now, timeZone: "UTC", attributeTypes }));

describe("segments.options", () => {
  it("offer the workspace's attributes, tags, first-message tags, sources and campaigns", async () => {
    const o = await as("analyst").segments.options({ workspaceId: ws.workspaceId });
    expect(o.attributes.map((a) => a.name).sort()).toEqual(ATTRIBUTES.map((a) => a.name).sort());
    expect(o.tags).toEqual(expect.arrayContaining(["lead", "vip", "product-a"]));
    expect(o.firstMessageTags).toEqual(["product-a", "product-b"]);
    expect(o.sources).toEqual(expect.arrayContaining(["organic", "api"]));
    expect(o.campaigns.map((c) => c.campaignId)).toEqual(expect.arrayContaining(["c-diwali"]));
  });
});

describe("segments.count and segments.preview", () => {
  it("count the audience and its share of all contacts", async () => {
    const count = await as("analyst").segments.count({ workspaceId: ws.workspaceId, tree: leadsInPro });
    expect(count).toEqual({ matching: expected(leadsInPro).length, total: 80, optedOut: expected(leadsInPro).filter((f) => f.optedOut).length });
    expect(count.matching).toBeGreaterThan(0);
  });

  it("preview a sorted page; pages never overlap and cover the audience", async () => {
    const want = expected(leadsInPro);
    const seen: string[] = [];
    for (let page = 0; page * 7 < want.length; page++) {
      const { rows } = await as("analyst").segments.preview({ workspaceId: ws.workspaceId, tree: leadsInPro, sort: "sessionMessages", direction: "desc", page, pageSize: 7 });
      seen.push(...rows.map((r) => r.contact));
      const counts = rows.map((r) => r.sessionMessages);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
    }
    expect(seen.sort()).toEqual(want.map((f) => f.contact).sort());
    const byPhone = await as("analyst").segments.preview({ workspaceId: ws.workspaceId, tree: leadsInPro, sort: "phone", direction: "asc", pageSize: 3 });
    expect(byPhone.rows.map((r) => r.contact)).toEqual(want.map((f) => f.contact).sort().slice(0, 3));
    const first = byPhone.rows[0];
    const f = facts.find((x) => x.contact === first.contact)!;
    expect(first.status).toBe(f.shownStatus);
    expect(first.source).toBe(f.source);
  });

  it("answer a bad tree with BAD_REQUEST naming the condition, never a ClickHouse error", async () => {
    const bad = { ...leadsInPro, children: [leadsInPro.children[0], { kind: "group", join: "or", children: [{ kind: "attribute", attribute: "plan", op: "gt", values: ["3"] }] }] };
    await expect(as("analyst").segments.count({ workspaceId: ws.workspaceId, tree: bad })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining('condition 2.1: ">" does not fit attribute "plan"'),
    });
    await expect(
      as("analyst").segments.count({ workspaceId: ws.workspaceId, tree: { kind: "group", join: "and", children: [{ kind: "attribute", attribute: "nope", op: "isSet", values: [] }] } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining('condition 1: attribute "nope" is not defined') });
    await expect(as("analyst").segments.preview({ workspaceId: ws.workspaceId, tree: leadsInPro, sort: "drop table" as never })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("explain a preview row: each condition met or not, with the contact's values", async () => {
    const member = expected(leadsInPro)[0];
    const nodes = await as("analyst").segments.explain({ workspaceId: ws.workspaceId, tree: leadsInPro, contact: member.contact });
    expect(nodes[0]).toMatchObject({ path: "", kind: "group", met: true });
    expect(nodes.map((n) => n.path)).toEqual(["", "1", "2", "2.1", "2.2"]);
    expect(nodes[1].text).toBe("Tags has any of lead, vip");
    expect(nodes[3].actual).toBe(member.attributes.get("plan") || "not set");
    expect(nodes[4].actual).toBe(member.shownStatus);
  });

  it("keep other workspaces out", async () => {
    const other = await createTestWorkspace(store(), { members: [{ role: "admin" }] });
    await expect(callerFor(store(), other.members[0].userId).segments.count({ workspaceId: ws.workspaceId, tree: leadsInPro })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const theirs = await callerFor(store(), other.members[0].userId).segments.count({ workspaceId: other.workspaceId, tree: { kind: "group", join: "and", children: [] } });
    expect(theirs).toEqual({ matching: 0, total: 0, optedOut: 0 });
  });
});

describe("saved segments", () => {
  it("save, list with size and author, rename, edit, duplicate, delete — with history", async () => {
    const marketer = as("marketer");
    const input = { workspaceId: ws.workspaceId };
    const { segmentId } = await marketer.segments.save({ ...input, name: "Warm leads", description: "Leads on Pro", tree: leadsInPro });

    const listed = await as("analyst").segments.list(input);
    expect(listed).toEqual([expect.objectContaining({ segmentId, name: "Warm leads", description: "Leads on Pro" })]);
    expect(await as("analyst").segments.size({ ...input, segmentId })).toMatchObject({
      size: { matching: expected(leadsInPro).length, total: 80, optedOut: expected(leadsInPro).filter((f) => f.optedOut).length },
      problem: null,
    });
    expect(listed[0].updatedBy).toBe("member");

    await marketer.segments.rename({ ...input, segmentId, name: "Hot leads" });
    const narrower: FilterTree = { ...leadsInPro, children: [...leadsInPro.children, { kind: "counter", counter: "sessionMessages", op: "ge", value: 2 }] };
    await marketer.segments.save({ ...input, segmentId, name: "Hot leads", description: "Leads on Pro", tree: narrower });
    // Saving without a change writes no version.
    await marketer.segments.save({ ...input, segmentId, name: "Hot leads", description: "Leads on Pro", tree: narrower });

    const got = await as("analyst").segments.get({ ...input, segmentId });
    expect(got.name).toBe("Hot leads");
    expect(got.tree).toEqual(narrower);
    expect(got.history.map((h) => [h.action, h.summary])).toEqual([
      ["filter", "Changed the filter"],
      ["renamed", "Renamed “Warm leads” to “Hot leads”"],
      ["created", "Created “Warm leads”"],
    ]);
    expect(JSON.parse(got.history[2].filter)).toEqual(leadsInPro);

    const copy = await as("admin").segments.duplicate({ ...input, segmentId });
    await marketer.segments.delete({ ...input, segmentId });
    const after = await as("analyst").segments.list(input);
    expect(after.map((s) => s.name)).toEqual(["Hot leads (copy)"]);
    expect(after[0].segmentId).toBe(copy.segmentId);
    await expect(as("analyst").segments.get({ ...input, segmentId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // A row of a list opened before the delete asks for its size: told the segment is gone.
    await expect(as("analyst").segments.size({ ...input, segmentId })).rejects.toMatchObject({ code: "NOT_FOUND", message: expect.stringContaining("does not exist") });
  });

  it("let only admins and marketers change segments, and validate what they save", async () => {
    const input = { workspaceId: ws.workspaceId, name: "Nope", tree: leadsInPro };
    await expect(as("analyst").segments.save(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as("marketer").segments.save({ ...input, name: "  " })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("give the segment a name") });
    await expect(
      as("marketer").segments.save({ ...input, tree: { kind: "group", join: "and", children: [{ kind: "group", join: "or", children: [] }] } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("condition 1: this group is empty") });
  });
});

describe("segment export", () => {
  it("streams every member once, in pages, with the chosen attributes and tags; opted-out contacts only when asked", async () => {
    const read = async (includeOptedOut?: boolean) => {
      const clock = { now: new Date(now), timeZone: "UTC" };
      const stream = await segmentCsvStream(store(), ws.workspaceId, leadsInPro, { attributes: ["plan", "city"], attributeTypes, clock, pageRows: 4, includeOptedOut });
      return (await new Response(stream).text()).trimEnd().split("\r\n");
    };
    const everyone = expected(leadsInPro).sort((a, b) => a.contact.localeCompare(b.contact));
    expect(everyone.some((f) => f.optedOut)).toBe(true);
    expect((await read(true)).slice(1).map((l) => l.split(",")[0])).toEqual(everyone.map((f) => f.contact));
    const lines = await read();
    expect(lines[0]).toBe("phone,name,plan,city,tags");
    const want = everyone.filter((f) => !f.optedOut);
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(want.map((f) => f.contact));
    const first = want[0];
    const cells = lines[1].split(",");
    expect(cells[2]).toBe(first.attributes.get("plan") ?? "");
    expect(cells.at(-1)).toBe([...first.tags.keys()].sort().join("; "));
  });

  it("goes on past a page whose contacts left the audience while it was read, and ends only at the audience's end", async () => {
    const own = await createTestWorkspace(store(), { members: [] });
    const phones = [1, 2, 3, 4, 5, 6, 7].map((n) => `+9198111000${String(n).padStart(2, "0")}`);
    const tag = (type: "tag.added" | "tag.removed", contact: string, i: number) =>
      eventSchema.parse({ event_id: `${type}-${contact}-${i}`, type, contact, ts: new Date(now - 60_000 + i).toISOString(), tag: "lead", kind: "manual" });
    await ingestEvents(store(), own.workspaceId, phones.map((p, i) => tag("tag.added", p, i)));
    const leads: FilterTree = { kind: "group", join: "and", children: [{ kind: "tags", op: "any", tags: ["lead"], tagKind: "any" }] };
    // A round lands between the second page's two reads: its three contacts lose the tag.
    let pages = 0;
    const racing: Store = {
      ...store(),
      query: async (sql, params, options) => {
        if (options.report === "segments:export-page" && ++pages === 2) {
          await ingestEvents(store(), own.workspaceId, phones.slice(3, 6).map((p, i) => tag("tag.removed", p, 10 + i)));
        }
        return store().query(sql, params, options);
      },
    };
    const clock = { now: new Date(now), timeZone: "UTC" };
    const stream = await segmentCsvStream(racing, own.workspaceId, leads, { attributes: [], attributeTypes, clock, pageRows: 3 });
    const lines = (await new Response(stream).text()).trimEnd().split("\r\n");
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual([...phones.slice(0, 3), phones[6]]);
  });

  it("quotes what CSV needs quoted and defuses formulas", () => {
    expect(csvField('say "hi", ok')).toBe('"say ""hi"", ok"');
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField("+919812345678", { phone: true })).toBe("+919812345678");
  });
});

describe("segment names", () => {
  it("are unique in the workspace, whatever their case; copies and frozen lists get the next free name", async () => {
    const input = { workspaceId: ws.workspaceId };
    const first = await as("marketer").segments.save({ ...input, name: "Unique leads", tree: leadsInPro });
    const taken = { code: "BAD_REQUEST", message: "name: a segment named “unique LEADS” already exists; pick another name" };
    await expect(as("marketer").segments.save({ ...input, name: "unique LEADS", tree: leadsInPro })).rejects.toMatchObject(taken);
    const other = await as("marketer").segments.save({ ...input, name: "Other leads", tree: leadsInPro });
    await expect(as("marketer").segments.rename({ ...input, segmentId: other.segmentId, name: "unique LEADS" })).rejects.toMatchObject(taken);
    // Saving a segment under its own name again is no clash.
    await as("marketer").segments.save({ ...input, segmentId: first.segmentId, name: "Unique leads", tree: leadsInPro, description: "again" });

    const copy = await as("marketer").segments.duplicate({ ...input, segmentId: first.segmentId });
    const copy2 = await as("marketer").segments.duplicate({ ...input, segmentId: first.segmentId });
    const names = async (...ids: string[]) => Promise.all(ids.map(async (segmentId) => (await as("analyst").segments.get({ ...input, segmentId })).name));
    expect(await names(copy.segmentId, copy2.segmentId)).toEqual(["Unique leads (copy)", "Unique leads (copy) (2)"]);
  });
});

describe("static segments", () => {
  it("freeze a saved segment into a fixed list, and upload a phone list", async () => {
    const input = { workspaceId: ws.workspaceId };
    const { segmentId } = await as("marketer").segments.save({ ...input, name: "To freeze", tree: leadsInPro });
    const frozen = await as("marketer").segments.freeze({ ...input, segmentId });
    const got = await as("analyst").segments.get({ ...input, segmentId: frozen.segmentId });
    expect(got.kind).toBe("static");
    expect(got.name).toMatch(/^To freeze \(frozen \d{4}-\d{2}-\d{2}\)$/);
    const size = await as("analyst").segments.count({ ...input, tree: got.tree });
    expect(size.matching).toBe(expected(leadsInPro).length);
    // The list narrows like any rule, and NOT works on it.
    const outside = await as("analyst").segments.count({ ...input, tree: { kind: "group", join: "and", children: [{ kind: "staticList", segmentId: frozen.segmentId, not: true }] } });
    expect(outside.matching).toBe(80 - size.matching);

    const phones = facts.slice(0, 5).map((f) => f.contact);
    const uploaded = await as("marketer").segments.upload({
      ...input,
      name: "Expo list",
      phones: [...phones, "98 1234", phones[0].replace("+91", "0"), "", "+919000000001", "+919000000002"],
      country: "IN",
    });
    // Two numbers have never written to the workspace: kept on the list, and counted for the person.
    expect(uploaded).toMatchObject({ added: 7, notContacts: 2, rejectedCount: 1, rejected: ["98 1234"] });
    const list = await as("analyst").segments.list(input);
    expect(list.find((s) => s.segmentId === uploaded.segmentId)).toMatchObject({ kind: "static" });
    expect(await as("analyst").segments.size({ ...input, segmentId: uploaded.segmentId })).toMatchObject({ size: { matching: 5, total: 80 } });
    await expect(as("marketer").segments.upload({ ...input, name: " expo LIST ", phones })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "name: a segment named “expo LIST” already exists; pick another name",
    });
    const why = await as("analyst").segments.explain({ ...input, tree: { kind: "group", join: "and", children: [{ kind: "staticList", segmentId: uploaded.segmentId }] }, contact: phones[0] });
    expect(why[1]).toMatchObject({ text: "On the static list “Expo list”", met: true, actual: "on the list" });

    await expect(
      as("analyst").segments.count({ ...input, tree: { kind: "group", join: "and", children: [{ kind: "staticList", segmentId: "nope" }] } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("condition 1: this static segment no longer exists") });
  });
});
