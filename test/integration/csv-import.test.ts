import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/contacts/import/route";
import { upsertAttributeDefinitions } from "@/clickhouse/queries/attributes";
import { getContactState } from "@/clickhouse/queries/contacts";
import { createApiKey } from "@/server/auth/api-keys";
import { importContactsCsv, ImportMappingError, type ImportReport } from "@/server/ingestion/csv-import";
import { randomId } from "../helpers/factories";
import { ndjson } from "../helpers/http";
import { useTestStore } from "../helpers/store";

const store = useTestStore();
const NOW = new Date();

async function workspaceWithAttributes() {
  const ws = randomId("ws");
  await upsertAttributeDefinitions(store(), ws, [
    { name: "email", type: "email", options: [] },
    { name: "plan", type: "list", options: ["Free", "Pro"] },
    { name: "lifetime_value", type: "number", options: [] },
  ]);
  return ws;
}

const csv = (...lines: string[]) => Readable.from([lines.join("\n") + "\n"]);

const FILE = [
  "Phone,Name,Email,Plan,Lifetime Value,Tags",
  "98123 45678,Asha,asha@example.com,pro,1200,vip;newsletter",
  "12,Bad Phone,,,,",
  "+44 7911 123456,Tom,not-an-email,Free,,",
  "+1 650 555 1234,Mia,mia@example.com,Enterprise,,",
  "(0)98765 43210,Ravi,,Free,99.5,",
];
const MAPPING = {
  phone: "Phone",
  name: "Name",
  tags: ["Tags"],
  attributes: { Email: "email", Plan: "plan", "Lifetime Value": "lifetime_value" },
};

describe("CSV contact import", () => {
  it("imports the good rows and reports each bad one with its row number and reason", async () => {
    const ws = await workspaceWithAttributes();
    const report = await importContactsCsv(store(), ws, csv(...FILE), { mapping: MAPPING, country: "IN", sourceLabel: "expo-2026" });
    expect(report).toMatchObject({ rows: 5, imported: 2, updated: 0, unchanged: 0, rejectedCount: 3 });
    expect(report.rejected).toEqual([
      { row: 3, reason: 'row 3: phone "12" is not a valid number for IN' },
      { row: 4, reason: 'row 4: email must be an email address, got "not-an-email"' },
      { row: 5, reason: 'row 5: plan must be one of Free, Pro, got "Enterprise"' },
    ]);
    const asha = await getContactState(store(), ws, "+919812345678", NOW);
    expect(asha).toMatchObject({ name: "Asha", source: "expo-2026" });
    expect(await getContactState(store(), ws, "+919876543210", NOW)).toMatchObject({ name: "Ravi" });
  });

  it("changes nothing when the same file is imported again, and counts an edited row as updated", async () => {
    const ws = await workspaceWithAttributes();
    const options = { mapping: MAPPING, country: "IN" };
    await importContactsCsv(store(), ws, csv(...FILE), options);
    const again = await importContactsCsv(store(), ws, csv(...FILE), options);
    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 2, rejectedCount: 3 });

    const edited = FILE.map((l) => l.replace("pro,1200", "Free,1500"));
    const third = await importContactsCsv(store(), ws, csv(...edited), options);
    expect(third).toMatchObject({ imported: 0, updated: 1, unchanged: 1 });
  });

  it("matches columns by name when no mapping is given, and lists the columns it ignored", async () => {
    const ws = await workspaceWithAttributes();
    const report = await importContactsCsv(store(), ws, csv("mobile,name,email,notes", "9812345678,Asha,asha@example.com,likes tea"), {});
    expect(report).toMatchObject({ rows: 1, imported: 1, ignoredColumns: ["notes"] });
  });

  it("ignores a UTF-8 byte-order mark at the start of the file, in one chunk or split across chunks", async () => {
    const ws = await workspaceWithAttributes();
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("Phone,Name\n98123 45678,Asha\n")]);
    const whole = await importContactsCsv(store(), ws, Readable.from([body]), { country: "IN" });
    expect(whole).toMatchObject({ rows: 1, imported: 1, rejectedCount: 0, ignoredColumns: [] });
    const split = await importContactsCsv(store(), ws, Readable.from([body.subarray(0, 1), body.subarray(1, 2), body.subarray(2)]), { country: "IN" });
    expect(split).toMatchObject({ rows: 1, unchanged: 1, rejectedCount: 0, ignoredColumns: [] });
    expect(await getContactState(store(), ws, "+919812345678", NOW)).toMatchObject({ name: "Asha" });
  });

  it("reads a stray quote inside an unquoted value as part of it, over HTTP too, never as a server error", async () => {
    const ws = await workspaceWithAttributes();
    const { token } = await createApiKey(store(), ws, "cli", "test");
    const file = ["Phone,Name", '98123 45678,Ali"ce', '98765 43210,=HYPERLINK("https://example.com")'].join("\n");
    const req = new Request("http://localhost/api/v1/contacts/import", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" },
      body: file,
    });
    const messages = await ndjson<{ type: string; report?: ImportReport }>(await POST(req));
    expect(messages.at(-1)).toMatchObject({ type: "done", report: { rows: 2, imported: 2, rejectedCount: 0 } });
    expect(await getContactState(store(), ws, "+919812345678", NOW)).toMatchObject({ name: 'Ali"ce' });
    expect(await getContactState(store(), ws, "+919876543210", NOW)).toMatchObject({ name: '=HYPERLINK("https://example.com")' });
  });

  it("gives every reading problem its row and reason in words, lists all of a row's problems, and keeps the rows around them", async () => {
    const ws = await workspaceWithAttributes();
    const longTag = "t".repeat(101);
    const file = [
      "Phone,Name,Email,Tags",
      "98123 45678,Asha,asha@example.com,vip",
      `12,Bad,not-an-email,${longTag}`,
      "98765 43210,Doe, John,ravi@example.com,vip",
      '98111 11111,"Mia',
      '98333 33333,Late"x,mia@example.com,',
      "98222 22222,Ok,,",
    ];
    const report = await importContactsCsv(store(), ws, csv(...file), { country: "IN" });
    expect(report.rejected).toEqual([
      {
        row: 3,
        reason: `row 3: phone "12" is not a valid number for IN; email must be an email address, got "not-an-email"; tag "${"t".repeat(30)}…" is longer than 100 characters`,
      },
      {
        row: 4,
        reason: 'row 4: 5 values under 4 columns: a value holding a comma must be in double quotes, like "Doe, John"; email must be an email address, got "John"',
      },
      {
        row: 5,
        reason: 'row 5: a double quote opens a value here that closes only on line 6, so lines 5 to 6 were read as one row: quote the whole value, or double a quote inside it ("")',
      },
    ]);
    expect(report).toMatchObject({ rows: 5, imported: 2, rejectedCount: 3 });
    expect(await getContactState(store(), ws, "+919822222222", NOW)).toMatchObject({ name: "Ok" });

    const unclosed = await importContactsCsv(store(), ws, csv("Phone,Name", "98123 45678,Asha", '98765 43210,"Ravi', "98111 11111,Mia"), {
      country: "IN",
    });
    expect(unclosed).toMatchObject({ rows: 1, unchanged: 1, rejectedCount: 1 });
    expect(unclosed.rejected).toEqual([
      {
        row: 3,
        reason: "row 3: a double quote opens a value here that is never closed, so lines 3 to 4 (the end of the file) were not imported: close the quote, or double a quote inside a value (\"\")",
      },
    ]);
  });

  it("detects a file separated by semicolons, tabs or bars before matching its columns", async () => {
    const ws = await workspaceWithAttributes();
    for (const [delimiter, phone] of [[";", "98123 45678"], ["\t", "98765 43210"], ["|", "98111 11111"]]) {
      const file = [["Phone", "Name", "Email", "Notes, free text"].join(delimiter), [phone, "Asha, Rao", "asha@example.com", "likes tea"].join(delimiter)];
      const report = await importContactsCsv(store(), ws, csv(...file), { country: "IN" });
      expect(report, JSON.stringify(delimiter)).toMatchObject({ rows: 1, imported: 1, rejectedCount: 0, delimiter, ignoredColumns: ["Notes, free text"] });
    }
    expect(await getContactState(store(), ws, "+919811111111", NOW)).toMatchObject({ name: "Asha, Rao" });
  });

  it("reads the file with the separator the person chose over the one it would detect", async () => {
    const ws = await workspaceWithAttributes();
    const file = () => csv("Phone;Name, with a comma", "98123 45678;Asha, Rao");
    // One semicolon, one comma: a tie goes to the comma, and the header then has no phone column.
    await expect(importContactsCsv(store(), ws, file(), { country: "IN" })).rejects.toThrow(
      'no phone column: name one of the columns "phone", or map it (columns, separated by commas: Phone;Name, with a comma)',
    );
    const chosen = await importContactsCsv(store(), ws, file(), { country: "IN", delimiter: ";" });
    expect(chosen).toMatchObject({ delimiter: ";", rows: 1, imported: 1, ignoredColumns: ["Name, with a comma"] });
    const { token } = await createApiKey(store(), ws, "cli", "test");
    const refused = await POST(
      new Request(`http://localhost/api/v1/contacts/import?options=${encodeURIComponent(JSON.stringify({ delimiter: "x" }))}`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" },
        body: "Phone\n98123 45678\n",
      }),
    );
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toBe("Bad import options: delimiter: the separator must be a comma, a semicolon, a tab or a bar (, ; \\t |)");
  });

  it("refuses a mapping to an unknown attribute or a missing column before importing anything", async () => {
    const ws = await workspaceWithAttributes();
    await expect(
      importContactsCsv(store(), ws, csv(...FILE), { mapping: { ...MAPPING, attributes: { Email: "e-mail" } } }),
    ).rejects.toThrow(new ImportMappingError('unknown attribute "e-mail": create it in Manage → Attributes first'));
    await expect(importContactsCsv(store(), ws, csv(...FILE), { mapping: { ...MAPPING, phone: "Mobile" } })).rejects.toThrow(
      'the file has no column "Mobile"',
    );
    expect(await getContactState(store(), ws, "+919812345678", NOW)).toBeNull();
  });

  it("lists the first 100 rejected rows and counts the rest by reason, in a short answer", async () => {
    const ws = await workspaceWithAttributes();
    const { token } = await createApiKey(store(), ws, "cli", "test");
    const rows = [
      ...Array.from({ length: 3_000 }, (_, i) => `1${i},Nobody,`),
      ...Array.from({ length: 2_000 }, (_, i) => `+9198${String(20_000_000 + i)},Somebody,not-an-email-${i}`),
      "+919812345678,Asha,asha@example.com",
    ];
    const req = new Request("http://localhost/api/v1/contacts/import", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" },
      body: ["phone,name,email", ...rows].join("\n"),
    });
    const res = await POST(req);
    const text = await res.text();
    expect(text.length).toBeLessThan(64 * 1024);
    const done = text.trim().split("\n").map((l) => JSON.parse(l)).at(-1);
    expect(done.report).toMatchObject({
      rows: 5_001,
      imported: 1,
      rejectedCount: 5_000,
      rejectionsTruncated: true,
      rejectionsByReason: { "phone is not a valid number for IN": 3_000, "email must be an email address": 2_000 },
    });
    expect(done.report.rejected).toHaveLength(100);
    expect(done.report.rejected[0]).toEqual({ row: 2, reason: 'row 2: phone "10" is not a valid number for IN' });
  });

  it("streams progress and the report over HTTP with an API key", async () => {
    const ws = await workspaceWithAttributes();
    const { token } = await createApiKey(store(), ws, "cli", "test");
    const rows = Array.from({ length: 25_000 }, (_, i) => `+9198${String(10_000_000 + i)},Person ${i}`);
    const req = new Request(`http://localhost/api/v1/contacts/import?options=${encodeURIComponent(JSON.stringify({ country: "IN" }))}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" },
      body: ["phone,name", ...rows].join("\n"),
    });
    const messages = await ndjson<{ type: string; rows?: number; report?: ImportReport }>(await POST(req));
    const progress = messages.filter((m) => m.type === "progress").map((m) => m.rows);
    expect(progress).toEqual([10_000, 20_000, 25_000]);
    expect(messages.at(-1)).toMatchObject({ type: "done", report: { rows: 25_000, imported: 25_000, rejectedCount: 0 } });
  });
  it("stores every whole row read before an upload broke off, never the row it cut, and tells the break", async () => {
    const ws = await workspaceWithAttributes();
    const people = Array.from({ length: 7 }, (_, i) => `98123 0000${i + 1},Person ${i + 1}`);
    // Seven whole rows and half of the eighth arrive, then the connection drops.
    const broken = Readable.from(
      (async function* () {
        yield ["phone,name", ...people].join("\n") + "\n98123 0000";
        throw new Error("the connection closed");
      })(),
    );
    await expect(importContactsCsv(store(), ws, broken, { country: "IN" }, undefined, { batchRows: 2, roundBatches: 2 })).rejects.toThrow("the connection closed");
    const rows = await store().query<{ name: string }>(
      "SELECT name FROM contacts FINAL WHERE workspace_id = {workspaceId:String} ORDER BY contact",
      { workspaceId: ws },
      { report: "test:csv-import" },
    );
    // The half row, a phone cut short, is not imported as someone else's number.
    expect(rows.map((r) => r.name)).toEqual(people.map((p) => p.split(",")[1]));
    // The whole file afterwards adds nothing to them.
    const again = await importContactsCsv(store(), ws, Readable.from([["phone,name", ...people].join("\n")]), { country: "IN" });
    expect(again).toMatchObject({ imported: 0, unchanged: 7 });
  });
});
