import { describe, expect, it } from "vitest";
import { importResponse } from "@/server/ingestion/import-http";
import { appRouter } from "@/server/routers/_app";
import { destinationConnectForm, destinationCreateInput, destinationUpdateInput } from "@/server/schemas/destinations";
import { importColumnsForm, toImportOptions } from "@/server/schemas/import";
import { journeyJumpForm } from "@/server/schemas/profile";
import { customRangeForm, rangeInput } from "@/server/schemas/report-range";
import { segmentRenameInput } from "@/server/schemas/segments";
import { callerFor, createTestWorkspace } from "../helpers/factories";
import { useTestStore } from "../helpers/store";
import { trpcError } from "../helpers/trpc-error";

/**
 * The forms moved onto the server's schemas (segment rename, Connect a
 * destination, the custom date range, Jump to, the import's columns): each
 * procedure takes the schema its form imports, and the same bad value gets
 * the same words in the browser and from the server.
 */

const store = useTestStore();

const inputsOf = (path: string) => (appRouter._def.procedures as unknown as Record<string, { _def: { inputs: unknown[] } }>)[path]._def.inputs;

/** The first message a schema gives for `field` ("" for the form as a whole). */
function messageOf(result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }, field: string) {
  expect(result.success).toBe(false);
  return result.error!.issues.find((i) => i.path.join(".") === field)?.message;
}

async function marketer() {
  const ws = await createTestWorkspace(store(), { members: [{ role: "marketer" }] });
  return { workspaceId: ws.workspaceId, caller: callerFor(store(), ws.members[0].userId) };
}

const EMPTY_TREE = { kind: "group", join: "and", children: [] };

describe("procedures take the schemas their forms import", () => {
  it.each([
    ["segments.rename", segmentRenameInput],
    ["destinations.create", destinationCreateInput],
    ["destinations.update", destinationUpdateInput],
    ["overview.summary", rangeInput],
    ["unresolved.volume", rangeInput],
    ["campaigns.summary", rangeInput],
  ] as const)("%s", (path, schema) => {
    expect(inputsOf(path)).toContain(schema);
  });
});

describe("segment rename", () => {
  it("a name another segment has is refused on the name field, in any case; a long name with the form's words", async () => {
    const { workspaceId, caller } = await marketer();
    await caller.segments.save({ workspaceId, name: "VIP buyers", description: "", tree: EMPTY_TREE });
    const { segmentId } = await caller.segments.save({ workspaceId, name: "Window shoppers", description: "", tree: EMPTY_TREE });

    const taken = await trpcError(caller.segments.rename({ workspaceId, segmentId, name: " vip BUYERS " }));
    expect(taken.code).toBe("BAD_REQUEST");
    expect(taken.message).toBe("name: a segment named “vip BUYERS” already exists; pick another name");

    const long = "x".repeat(121);
    const inBrowser = messageOf(segmentRenameInput.pick({ name: true, description: true }).safeParse({ name: long, description: "" }), "name");
    expect(inBrowser).toBe("a name has at most 120 characters");
    expect((await trpcError(caller.segments.rename({ workspaceId, segmentId, name: long }))).message).toBe(`name: ${inBrowser}`);

    // A free name still goes through, and the list shows it.
    await caller.segments.rename({ workspaceId, segmentId, name: "Browsers", description: "Looked, did not buy" });
    expect((await caller.segments.list({ workspaceId })).map((s) => s.name).sort()).toEqual(["Browsers", "VIP buyers"]);
  });
});

describe("Connect a destination", () => {
  it("an http:// address elsewhere and an empty name get the server's words in the form", async () => {
    const { workspaceId, caller } = await marketer();
    const { segmentId } = await caller.segments.save({ workspaceId, name: "Leads", description: "", tree: EMPTY_TREE });
    const values = { name: " ", url: "http://crm.example.com/audience", schedule: "daily" as const };
    const form = destinationConnectForm.safeParse(values);
    const url = messageOf(form, "url");
    expect(url).toBe("use https:// — audiences carry phone numbers and are only sent encrypted");
    expect(messageOf(form, "name")).toBe("give the destination a name");
    const server = await trpcError(caller.destinations.create({ workspaceId, segmentId, ...values }));
    expect(server.code).toBe("BAD_REQUEST");
    expect(server.message).toContain(`url: ${url}`);
    expect(server.message).toContain("name: give the destination a name");
  });

  it("the browser lets a loopback address through for the server to judge", () => {
    expect(destinationConnectForm.safeParse({ name: "Local", url: "http://127.0.0.1:9/in", schedule: "manual" }).success).toBe(true);
    expect(messageOf(destinationConnectForm.safeParse({ name: "Local", url: "http://user:pw@127.0.0.1/in", schedule: "manual" }), "url")).toMatch(/^remove the user name and password/);
  });
});

describe("the custom date range", () => {
  it("a range backwards or longer than 366 days is refused with the procedures' words, on the day it is about", async () => {
    const { workspaceId, caller } = await marketer();
    const backwards = { from: "2026-03-02", to: "2026-03-01" };
    const order = messageOf(customRangeForm.safeParse(backwards), "from");
    expect(order).toBe("the start date must be on or before the end date");
    expect((await trpcError(caller.overview.summary({ workspaceId, ...backwards }))).message).toBe(`from: ${order}`);

    const long = { from: "2025-01-01", to: "2026-01-03" };
    const length = messageOf(customRangeForm.safeParse(long), "to");
    expect(length).toBe("pick a range of at most 366 days");
    expect((await trpcError(caller.unresolved.volume({ workspaceId, ...long }))).message).toBe(`to: ${length}`);

    // 366 days after the start is the longest range both take.
    expect(customRangeForm.safeParse({ from: "2025-01-01", to: "2026-01-02" }).success).toBe(true);
    await expect(caller.overview.summary({ workspaceId, from: "2025-01-01", to: "2026-01-02" })).resolves.toBeTruthy();
  });

  it("the form needs both days; a day outside the supported dates has the procedures' words", async () => {
    const { workspaceId, caller } = await marketer();
    const empty = customRangeForm.safeParse({ from: "", to: "" });
    expect(messageOf(empty, "from")).toBe("pick a start date");
    expect(messageOf(empty, "to")).toBe("pick an end date");
    const outside = messageOf(customRangeForm.safeParse({ from: "1969-12-31", to: "1970-06-01" }), "from");
    expect(outside).toBe("1969-12-31 is outside the supported dates, 1970-01-01 to 2105-12-31");
    expect((await trpcError(caller.overview.summary({ workspaceId, from: "1969-12-31", to: "1970-06-01" }))).message).toBe(`from: ${outside}`);
  });
});

describe("Jump to a date in the journey", () => {
  it("takes a supported day or nothing, and refuses another with the journey's words", async () => {
    const { workspaceId, caller } = await marketer();
    expect(journeyJumpForm.parse({ day: "" })).toEqual({ day: undefined });
    expect(journeyJumpForm.parse({ day: "2026-10-01" })).toEqual({ day: "2026-10-01" });
    const inBrowser = messageOf(journeyJumpForm.safeParse({ day: "2106-01-01" }), "day");
    expect(inBrowser).toBe("2106-01-01 is outside the supported dates, 1970-01-01 to 2105-12-31");
    const server = await trpcError(caller.profile.journey({ workspaceId, contact: "+919812345678", at: "2106-01-01" }));
    expect(server.code).toBe("BAD_REQUEST");
    expect(server.message).toBe(`at: ${inBrowser}`);
  });
});

describe("the import's column matching", () => {
  const header = ["Phone", "Mobile", "Name", "Email", ""];
  const base = { header, country: "IN", sourceLabel: "expo-2026" };

  it("asks for a phone column, and says on each column what it clashes with", () => {
    const none = importColumnsForm.safeParse({ ...base, uses: ["ignore", "ignore", "name", "ignore", "ignore"] });
    expect(messageOf(none, "uses")).toBe("choose the column that holds the phone numbers: set its “Use as” to Phone");

    const clashes = importColumnsForm.safeParse({ ...base, uses: ["phone", "phone", "attribute:email", "attribute:email", "tags"] });
    expect(messageOf(clashes, "uses.0")).toBe("only one column can be the phone number; “Mobile” is too");
    expect(messageOf(clashes, "uses.1")).toBe("only one column can be the phone number; “Phone” is too");
    expect(messageOf(clashes, "uses.2")).toBe("only one column can be the attribute “email”; “Email” is too");
    expect(messageOf(clashes, "uses.4")).toBe("this column has no name in the header row: name it in the file to use it, or set it to Ignore");
    expect(messageOf(clashes, "uses")).toBeUndefined();
  });

  it("becomes the import's mapping, with the source label trimmed", () => {
    const parsed = importColumnsForm.parse({ ...base, sourceLabel: "  expo-2026 ", uses: ["phone", "tags", "name", "attribute:email", "ignore"] });
    expect(toImportOptions(parsed)).toEqual({
      country: "IN",
      sourceLabel: "expo-2026",
      mapping: { phone: "Phone", name: "Name", tags: ["Mobile"], attributes: { Email: "email" } },
    });
  });

  it("a blank source label is refused by the form and by the import, which names the option for the form", async () => {
    const inBrowser = messageOf(importColumnsForm.safeParse({ ...base, sourceLabel: "   ", uses: ["phone", "ignore", "ignore", "ignore", "ignore"] }), "sourceLabel");
    expect(inBrowser).toBe("give the import a source label, like “expo-2026”");
    const ws = await createTestWorkspace(store());
    const options = encodeURIComponent(JSON.stringify({ sourceLabel: "   ", mapping: { phone: "Phone" } }));
    const refused = importResponse(store(), ws.workspaceId, new Request(`http://localhost/import?options=${options}`, { method: "POST", body: "Phone\n98123 45678\n" }));
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ error: `Bad import options: sourceLabel: ${inBrowser}`, fields: { sourceLabel: inBrowser } });
  });
});
