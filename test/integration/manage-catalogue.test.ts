import { describe, expect, it } from "vitest";
import { getContactState, getJourney } from "@/clickhouse/queries/contacts";
import { findUserByEmail } from "@/clickhouse/queries/users";
import { listTagDefinitions } from "@/clickhouse/queries/tags";
import { MAX_ATTRIBUTES } from "@/server/domain/attributes";
import { resolveTag } from "@/server/domain/catalogue";
import type { ChatEventInput } from "@/server/events/schema";
import { ingestEvents } from "@/server/ingestion/pipeline";
import { validateEvents } from "@/server/ingestion/validate";
import { verifyPassword } from "@/server/auth/password";
import { callerFor, createTestWorkspace } from "../helpers/factories";
import { useTestStore } from "../helpers/store";
import { trpcError } from "../helpers/trpc-error";

const store = useTestStore();
const T0 = Date.parse("2026-11-20T10:00:00Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

async function ingest(workspaceId: string, raw: ChatEventInput[]) {
  const { valid, rejected } = validateEvents(raw, workspaceId);
  expect(rejected).toEqual([]);
  return ingestEvents(store(), workspaceId, valid.map((v) => v.event));
}

async function team() {
  const ws = await createTestWorkspace(store(), {
    members: [{ role: "admin" }, { role: "marketer" }, { role: "manager" }, { role: "analyst" }],
  });
  const [admin, marketer, manager, analyst] = ws.members.map((m) => callerFor(store(), m.userId));
  return { ws, workspaceId: ws.workspaceId, admin, marketer, manager, analyst };
}

describe("Manage → Tags", () => {
  it("creates tags in categories, renames one without touching its key or history, and counts contacts", async () => {
    const { workspaceId, marketer, analyst } = await team();
    await marketer.tags.create({ workspaceId, name: "  VIP   buyers ", category: "Lifecycle" });
    await marketer.tags.create({ workspaceId, name: "Lead" });
    const contact = "+919812345678";
    await ingest(workspaceId, [
      { event_id: "t1", type: "tag.added", contact, ts: at(0), tag: "VIP buyers", kind: "manual", origin: "manual" },
      { event_id: "t2", type: "tag.added", contact: "+919812345679", ts: at(0), tag: "VIP buyers", kind: "manual", origin: "manual" },
      { event_id: "t3", type: "tag.removed", contact: "+919812345679", ts: at(1), tag: "VIP buyers", kind: "manual", origin: "manual" },
      { event_id: "t4", type: "tag.added", contact, ts: at(2), tag: "From the API", kind: "automated", origin: "api" },
      // A campaign send tags its recipient with the campaign's broadcast tag: the campaign names it, the catalogue does not offer it.
      { event_id: "t5", type: "message.outbound", kind: "template", contact, ts: at(3), wamid: "wamid.t5", campaign_id: "cmp_sale", template: "sale_v1" },
    ]);

    await marketer.tags.update({ workspaceId, tag: "VIP buyers", name: "Top customers" });
    const { tags, uncatalogued, categories } = await analyst.tags.list({ workspaceId });
    expect(tags).toEqual([
      { tag: "Lead", label: "Lead", category: "", firstMessageText: "", archived: false, contacts: 0 },
      { tag: "VIP buyers", label: "Top customers", category: "Lifecycle", firstMessageText: "", archived: false, contacts: 1 },
    ]);
    expect(uncatalogued).toEqual([{ tag: "From the API", contacts: 1 }]);
    expect(categories).toEqual(["Lifecycle"]);
    const taken = await trpcError(marketer.tags.update({ workspaceId, tag: "Lead", name: "from the api" }));
    expect(taken.code).toBe("CONFLICT");
    expect(taken.message).toBe("Contacts already carry a tag called “From the API” that is not in the catalogue; add that one instead of renaming.");
    // Whoever adds a tag by its new name stores the key.
    const defs = await listTagDefinitions(store(), workspaceId);
    expect(resolveTag("top  CUSTOMERS", defs)?.tag).toBe("VIP buyers");
    expect(resolveTag("VIP buyers", defs)?.tag).toBe("VIP buyers");
    expect(resolveTag("Unknown", defs)).toBeNull();
    // The journey still names the tag by its key.
    expect((await getJourney(store(), workspaceId, contact)).filter((e) => e.type === "tag.added").map((e) => e.tag)).toContain("VIP buyers");
  });

  it("refuses a name another tag has, by key or label, in any case or spacing, and names with CSV separators", async () => {
    const { workspaceId, admin } = await team();
    await admin.tags.create({ workspaceId, name: "Product A" });
    await admin.tags.create({ workspaceId, name: "Lead" });
    await admin.tags.update({ workspaceId, tag: "Product A", name: "Alpha" });

    for (const name of ["product  a", "ALPHA"]) {
      const e = await trpcError(admin.tags.create({ workspaceId, name }));
      expect(e.code).toBe("CONFLICT");
      expect(e.message).toBe("A tag called “Alpha” already exists.");
    }
    expect((await trpcError(admin.tags.update({ workspaceId, tag: "Lead", name: "alpha" }))).code).toBe("CONFLICT");
    const bad = await trpcError(admin.tags.create({ workspaceId, name: "a;b" }));
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.message).toBe("name: a tag name cannot contain ; , or | (CSV imports split tags on them)");
    expect((await trpcError(admin.tags.create({ workspaceId, name: "   " }))).message).toMatch(/^name: give the tag a name/);
    expect((await trpcError(admin.tags.update({ workspaceId, tag: "Nope", name: "x" }))).code).toBe("NOT_FOUND");
  });

  it("archives a tag apart, keeps it on contacts, refuses its name for a new tag, and unarchives it", async () => {
    const { workspaceId, marketer } = await team();
    await marketer.tags.create({ workspaceId, name: "Summer Sale", firstMessageText: "Hi, I saw the Summer Sale offer" });
    await ingest(workspaceId, [{ event_id: "m1", type: "message.inbound", contact: "+14155550100", ts: at(0), text: "Hi, I saw the Summer Sale offer" }]);
    await marketer.tags.setArchived({ workspaceId, tag: "Summer Sale", archived: true });

    const listed = (await marketer.tags.list({ workspaceId })).tags;
    expect(listed).toEqual([expect.objectContaining({ tag: "Summer Sale", archived: true, contacts: 1 })]);
    const clash = await trpcError(marketer.tags.create({ workspaceId, name: "summer sale" }));
    expect(clash.message).toBe("An archived tag is already called “Summer Sale”; unarchive it instead.");

    // Archived: a new first message with its text is not tagged any more.
    await ingest(workspaceId, [{ event_id: "m2", type: "message.inbound", contact: "+14155550101", ts: at(1), text: "Hi, I saw the Summer Sale offer" }]);
    expect((await getContactState(store(), workspaceId, "+14155550101", new Date(T0)))?.firstMessageTag).toBe("");

    await marketer.tags.setArchived({ workspaceId, tag: "Summer Sale", archived: false });
    expect((await marketer.tags.list({ workspaceId })).tags[0]).toMatchObject({ archived: false, contacts: 1 });
  });

  it("tags a first message ingested after a tag is marked first-message, and not one before", async () => {
    const { workspaceId, marketer } = await team();
    await marketer.tags.create({ workspaceId, name: "Product B", category: "Interest" });
    await ingest(workspaceId, [{ event_id: "before", type: "message.inbound", contact: "+447700900001", ts: at(0), text: "Hi, I want Product B" }]);

    await marketer.tags.update({ workspaceId, tag: "Product B", firstMessageText: "  hi, I want   product b " });
    await ingest(workspaceId, [{ event_id: "after", type: "message.inbound", contact: "+447700900002", ts: at(1), text: "Hi, I want Product B please" }]);

    expect((await getContactState(store(), workspaceId, "+447700900001", new Date(T0)))?.firstMessageTag).toBe("");
    expect((await getContactState(store(), workspaceId, "+447700900002", new Date(T0)))?.firstMessageTag).toBe("Product B");
    const [tag] = (await marketer.tags.list({ workspaceId })).tags;
    expect(tag).toMatchObject({ firstMessageText: "hi, I want product b", contacts: 1 });

    // A renamed first-message tag still tags by its key, so segments on it keep working.
    await marketer.tags.update({ workspaceId, tag: "Product B", name: "Product B (2026)" });
    await ingest(workspaceId, [{ event_id: "renamed", type: "message.inbound", contact: "+447700900003", ts: at(2), text: "Hi, I want Product B" }]);
    expect((await getContactState(store(), workspaceId, "+447700900003", new Date(T0)))?.firstMessageTag).toBe("Product B");

    // Clearing the text makes it a plain tag again.
    await marketer.tags.update({ workspaceId, tag: "Product B", firstMessageText: "" });
    await ingest(workspaceId, [{ event_id: "cleared", type: "message.inbound", contact: "+447700900004", ts: at(3), text: "Hi, I want Product B" }]);
    expect((await getContactState(store(), workspaceId, "+447700900004", new Date(T0)))?.firstMessageTag).toBe("");
  });

  it("refuses a first-message text another active tag already has", async () => {
    const { workspaceId, admin } = await team();
    await admin.tags.create({ workspaceId, name: "Pricing", firstMessageText: "What does it cost?" });
    const e = await trpcError(admin.tags.create({ workspaceId, name: "Cost", firstMessageText: "what does it  COST?" }));
    expect(e.code).toBe("CONFLICT");
    expect(e.message).toBe("“Pricing” already matches this first-message text; each text can start one tag only.");
  });

  it("lets admins and marketers change tags; managers and analysts get FORBIDDEN but can read", async () => {
    const { workspaceId, admin, marketer, manager, analyst } = await team();
    await admin.tags.create({ workspaceId, name: "By admin" });
    await marketer.tags.create({ workspaceId, name: "By marketer" });
    for (const caller of [manager, analyst]) {
      const e = await trpcError(caller.tags.create({ workspaceId, name: "Nope" }));
      expect(e.code).toBe("FORBIDDEN");
      expect((await trpcError(caller.tags.update({ workspaceId, tag: "By admin", name: "x" }))).code).toBe("FORBIDDEN");
      expect((await trpcError(caller.tags.setArchived({ workspaceId, tag: "By admin", archived: true }))).code).toBe("FORBIDDEN");
      expect((await caller.tags.list({ workspaceId })).tags.map((t) => t.tag)).toEqual(["By admin", "By marketer"]);
    }
  });
});

describe("Manage → Attributes", () => {
  it("creates typed attributes with a key from the label, edits label and options, and counts contacts with a value", async () => {
    const { workspaceId, marketer, analyst } = await team();
    expect(await marketer.attributes.create({ workspaceId, label: "Signup date", type: "date" })).toEqual({ name: "signup_date" });
    await marketer.attributes.create({ workspaceId, label: "Plan", type: "list", options: ["Free", " Premium "] });
    await ingest(workspaceId, [
      { event_id: "a1", type: "attribute.set", contact: "+919812345678", ts: at(0), attribute: "plan", value: "Free" },
      { event_id: "a2", type: "attribute.set", contact: "+919812345679", ts: at(0), attribute: "plan", value: "Premium" },
      { event_id: "a3", type: "attribute.set", contact: "+919812345679", ts: at(1), attribute: "plan", value: null },
    ]);
    await marketer.attributes.update({ workspaceId, name: "plan", label: "Customer plan", options: ["Free", "Premium", "Enterprise"] });

    const { attributes, limit } = await analyst.attributes.catalogue({ workspaceId });
    expect(limit).toBe(MAX_ATTRIBUTES);
    expect(attributes).toEqual([
      { name: "plan", label: "Customer plan", type: "list", options: ["Free", "Premium", "Enterprise"], archived: false, contacts: 1 },
      { name: "signup_date", label: "Signup date", type: "date", options: [], archived: false, contacts: 0 },
    ]);
    // The pickers (segment builder, breakdowns) show labels, in their order.
    expect((await analyst.attributes.list({ workspaceId })).map((a) => [a.name, a.label])).toEqual([
      ["plan", "Customer plan"],
      ["signup_date", "Signup date"],
    ]);
    const notList = await trpcError(marketer.attributes.update({ workspaceId, name: "signup_date", options: ["x"] }));
    expect(notList.message).toBe("“Signup date” is a date attribute; only a one-of-a-list attribute has options.");
    const noOptions = await trpcError(marketer.attributes.create({ workspaceId, label: "Tier", type: "list" }));
    expect(noOptions.code).toBe("BAD_REQUEST");
    expect(noOptions.message).toBe("options: a one-of-a-list attribute needs at least one option");
    const dupOptions = await trpcError(marketer.attributes.create({ workspaceId, label: "Tier", type: "list", options: ["Gold", "gold"] }));
    expect(dupOptions.message).toBe("options: each option may appear only once: “gold” is listed twice");
    const badType = await trpcError(marketer.attributes.create({ workspaceId, label: "Tier", type: "colour" as "text" }));
    expect(badType.code).toBe("BAD_REQUEST");
    expect((await trpcError(marketer.attributes.create({ workspaceId, label: "customer  PLAN", type: "text" }))).code).toBe("CONFLICT");
  });

  it("supports every type, refuses a 21st attribute with the limit, and counts only active ones", async () => {
    const { workspaceId, admin } = await team();
    const types = ["text", "number", "date", "boolean", "email", "phone", "list"] as const;
    for (let i = 0; i < MAX_ATTRIBUTES; i++) {
      const type = types[i % types.length];
      await admin.attributes.create({ workspaceId, label: `Field ${i + 1}`, type, options: type === "list" ? ["One", "Two"] : [] });
    }
    const refused = await trpcError(admin.attributes.create({ workspaceId, label: "Field 21", type: "text" }));
    expect(refused.code).toBe("PRECONDITION_FAILED");
    expect(refused.message).toBe("A workspace can have at most 20 attributes; archive one first.");

    // Archiving frees a place; unarchiving past the limit is refused the same way.
    await admin.attributes.setArchived({ workspaceId, name: "field_1", archived: true });
    await admin.attributes.create({ workspaceId, label: "Field 21", type: "text" });
    const unarchive = await trpcError(admin.attributes.setArchived({ workspaceId, name: "field_1", archived: false }));
    expect(unarchive.message).toBe("A workspace can have at most 20 attributes; archive one first.");

    const { attributes } = await admin.attributes.catalogue({ workspaceId });
    expect(attributes).toHaveLength(21);
    expect(attributes.find((a) => a.name === "field_1")?.archived).toBe(true);
    // Imports and pickers no longer offer an archived attribute.
    expect((await admin.attributes.list({ workspaceId })).map((a) => a.name)).not.toContain("field_1");
    expect(await admin.attributes.list({ workspaceId })).toHaveLength(20);
    await admin.attributes.setArchived({ workspaceId, name: "field_2", archived: true });
    const key = await trpcError(admin.attributes.create({ workspaceId, label: "Other", name: "field_1", type: "text" }));
    expect(key.message).toMatch(/archived attribute “Field 1” already uses the key field_1/);
  });

  it("lets admins and marketers change attributes; managers and analysts get FORBIDDEN", async () => {
    const { workspaceId, admin, manager, analyst } = await team();
    await admin.attributes.create({ workspaceId, label: "City", type: "text" });
    for (const caller of [manager, analyst]) {
      expect((await trpcError(caller.attributes.create({ workspaceId, label: "X", type: "text" }))).code).toBe("FORBIDDEN");
      expect((await trpcError(caller.attributes.update({ workspaceId, name: "city", label: "Town" }))).code).toBe("FORBIDDEN");
      expect((await trpcError(caller.attributes.setArchived({ workspaceId, name: "city", archived: true }))).code).toBe("FORBIDDEN");
    }
  });
});

describe("Manage → Members", () => {
  it("invites a new email with a temporary password shown once and stored only as a bcrypt hash", async () => {
    const { ws, workspaceId, admin } = await team();
    const email = `new.person+${workspaceId}@Example.test`;
    const invited = await admin.members.invite({ workspaceId, email: ` ${email} `, role: "analyst", name: "New Person" });
    expect(invited).toMatchObject({ email: email.toLowerCase(), created: true });
    expect(invited.temporaryPassword).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);

    const user = await findUserByEmail(store(), email);
    expect(user?.password_hash).toMatch(/^\$2[aby]\$10\$/);
    expect(user?.password_hash).not.toContain(invited.temporaryPassword!);
    expect(await verifyPassword(invited.temporaryPassword!, user!.password_hash)).toBe(true);

    const members = await admin.members.list({ workspaceId });
    expect(members).toHaveLength(ws.members.length + 1);
    expect(members.find((m) => m.userId === invited.userId)).toMatchObject({ name: "New Person", role: "analyst" });
    expect(JSON.stringify(members)).not.toContain(invited.temporaryPassword!);
    // The new person can use the workspace with the role given.
    const newcomer = callerFor(store(), invited.userId);
    expect(await newcomer.workspaces.current({ workspaceId })).toEqual({ workspaceId, role: "analyst", timeZone: "UTC" });
  });

  it("adds an existing user without a new password, and refuses someone already a member", async () => {
    const { ws, workspaceId, admin } = await team();
    const other = await createTestWorkspace(store(), { members: [{ role: "admin" }] });
    const existing = other.members[0];
    const added = await admin.members.invite({ workspaceId, email: existing.email.toUpperCase(), role: "marketer" });
    expect(added).toEqual({ userId: existing.userId, email: existing.email, created: false, temporaryPassword: null });
    expect(await callerFor(store(), existing.userId).workspaces.current({ workspaceId })).toEqual({ workspaceId, role: "marketer", timeZone: "UTC" });

    const again = await trpcError(admin.members.invite({ workspaceId, email: ws.members[1].email, role: "admin" }));
    expect(again.code).toBe("CONFLICT");
    expect(again.message).toBe(`${ws.members[1].email} is already a member of this workspace (marketer).`);
    const bad = await trpcError(admin.members.invite({ workspaceId, email: "not-an-email", role: "admin" }));
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.message).toBe("email: enter an email address, like name@company.com");
    expect((await trpcError(admin.members.invite({ workspaceId, email: "a@b.test", role: "owner" as "admin" }))).message).toBe(
      "role: choose a role: admin, marketer, manager or analyst",
    );
  });

  it("changes roles and removes members, never the last admin", async () => {
    const { ws, workspaceId, admin } = await team();
    const [me, marketer] = ws.members;
    await admin.members.changeRole({ workspaceId, userId: marketer.userId, role: "manager" });
    expect(await callerFor(store(), marketer.userId).workspaces.current({ workspaceId })).toMatchObject({ role: "manager" });

    const demote = await trpcError(admin.members.changeRole({ workspaceId, userId: me.userId, role: "analyst" }));
    expect(demote.code).toBe("PRECONDITION_FAILED");
    expect(demote.message).toMatch(/is the only admin of this workspace, so you cannot make them an analyst\. Make another member an admin first\.$/);
    const remove = await trpcError(admin.members.remove({ workspaceId, userId: me.userId }));
    expect(remove.message).toMatch(/is the only admin of this workspace, so you cannot remove them/);

    // With a second admin, the first may step down; then the second is the last one.
    await admin.members.changeRole({ workspaceId, userId: marketer.userId, role: "admin" });
    await admin.members.changeRole({ workspaceId, userId: me.userId, role: "marketer" });
    const second = callerFor(store(), marketer.userId);
    expect((await trpcError(second.members.remove({ workspaceId, userId: marketer.userId }))).code).toBe("PRECONDITION_FAILED");

    await second.members.remove({ workspaceId, userId: me.userId });
    expect((await trpcError(admin.members.list({ workspaceId }))).code).toBe("NOT_FOUND");
    expect((await second.members.list({ workspaceId })).map((m) => m.userId)).not.toContain(me.userId);
  });

  it("holds the last-admin rule when two admins demote each other at once", async () => {
    const ws = await createTestWorkspace(store(), { members: [{ role: "admin" }, { role: "admin" }] });
    const [a, b] = ws.members;
    const results = await Promise.allSettled([
      callerFor(store(), a.userId).members.changeRole({ workspaceId: ws.workspaceId, userId: b.userId, role: "analyst" }),
      callerFor(store(), b.userId).members.changeRole({ workspaceId: ws.workspaceId, userId: a.userId, role: "analyst" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const admins = (await callerFor(store(), a.userId).members.list({ workspaceId: ws.workspaceId }).catch(() => null)) ??
      (await callerFor(store(), b.userId).members.list({ workspaceId: ws.workspaceId }));
    expect(admins.filter((m) => m.role === "admin")).toHaveLength(1);
  });

  it("lets every member read the list but only admins change it", async () => {
    const { ws, workspaceId, marketer, manager, analyst } = await team();
    for (const caller of [marketer, manager, analyst]) {
      expect(await caller.members.list({ workspaceId })).toHaveLength(ws.members.length);
      const e = await trpcError(caller.members.invite({ workspaceId, email: "x@example.test", role: "admin" }));
      expect(e.code).toBe("FORBIDDEN");
      expect(e.message).toMatch(/ask a workspace admin/);
      expect((await trpcError(caller.members.changeRole({ workspaceId, userId: ws.members[0].userId, role: "analyst" }))).code).toBe("FORBIDDEN");
      expect((await trpcError(caller.members.remove({ workspaceId, userId: ws.members[0].userId }))).code).toBe("FORBIDDEN");
    }
  });
});

describe("tenant isolation of the catalogues", () => {
  it("shows and changes nothing of another workspace", async () => {
    const a = await team();
    const b = await team();
    await a.admin.tags.create({ workspaceId: a.workspaceId, name: "Secret tag" });
    await a.admin.attributes.create({ workspaceId: a.workspaceId, label: "Secret field", type: "text" });
    await ingest(a.workspaceId, [
      { event_id: "x1", type: "tag.added", contact: "+919812345678", ts: at(0), tag: "Secret tag", kind: "manual", origin: "manual" },
    ]);

    expect(await b.admin.tags.list({ workspaceId: b.workspaceId })).toEqual({ tags: [], uncatalogued: [], categories: [] });
    expect((await b.admin.attributes.catalogue({ workspaceId: b.workspaceId })).attributes).toEqual([]);
    // Another workspace's keys are unknown here, and its id is refused outright.
    expect((await trpcError(b.admin.tags.setArchived({ workspaceId: b.workspaceId, tag: "Secret tag", archived: true }))).code).toBe("NOT_FOUND");
    expect((await trpcError(b.admin.attributes.update({ workspaceId: b.workspaceId, name: "secret_field", label: "x" }))).code).toBe("NOT_FOUND");
    expect((await trpcError(b.admin.members.remove({ workspaceId: b.workspaceId, userId: a.ws.members[1].userId }))).code).toBe("NOT_FOUND");
    expect((await trpcError(b.admin.members.changeRole({ workspaceId: b.workspaceId, userId: a.ws.members[0].userId, role: "analyst" }))).code).toBe("NOT_FOUND");
    // Called one at a time (thunks), so no rejection waits unobserved.
    for (const call of [
      () => b.admin.tags.list({ workspaceId: a.workspaceId }),
      () => b.admin.tags.create({ workspaceId: a.workspaceId, name: "Intruder" }),
      () => b.admin.attributes.catalogue({ workspaceId: a.workspaceId }),
      () => b.admin.members.list({ workspaceId: a.workspaceId }),
      () => b.admin.members.invite({ workspaceId: a.workspaceId, email: "intruder@example.test", role: "admin" }),
    ]) {
      expect((await trpcError(call())).code).toBe("NOT_FOUND");
    }
    expect((await a.admin.tags.list({ workspaceId: a.workspaceId })).tags).toEqual([
      expect.objectContaining({ tag: "Secret tag", archived: false, contacts: 1 }),
    ]);
    expect(await a.admin.members.list({ workspaceId: a.workspaceId })).toHaveLength(4);
  });
});
