import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { upsertAttributeDefinitions } from "@/clickhouse/queries/attributes";
import { importContactsCsv, type ImportReport, type ImportSizes } from "@/server/ingestion/csv-import";
import { randomId } from "../helpers/factories";
import { useTestStore } from "../helpers/store";

// A big import stores several batches in one ingestion round. Its answer must
// be the one a batch-by-batch import gives: the same report, the same progress
// lines, the same events in the log and the same contacts on screen, with bad
// rows, contacts repeated across batches, a contact the workspace already had,
// and re-imports of the same and of an edited file.

const store = useTestStore();

/** Batches of three valid rows, stored one a round (as before rounds) or four a round. */
const ONE_A_ROUND: ImportSizes = { batchRows: 3, roundBatches: 1 };
const FOUR_A_ROUND: ImportSizes = { batchRows: 3, roundBatches: 4 };

const FILE = [
  "Phone,Name,Email,Plan,Tags",
  "98123 45678,Asha,asha@example.com,Pro,vip", // line 2: new
  "98765 43210,Ravi,,Free,", // 3: new
  "12,Bad,,,", // 4: rejected (phone)
  "98111 11111,Mia,not-an-email,,", // 5: rejected (email)
  "98222 22222,Old,,,", // 6: the workspace had this contact: updated
  "98123 45678,Asha,asha@example.com,Pro,vip", // 7: Asha again, nothing new: unchanged
  "98765 43210,Ravi,,Free,newsletter", // 8: Ravi again with a new tag: updated
  "98333 33333,Zed,zed@example.com,Enterprise,", // 9: rejected (plan)
  "98444 44444,Lia,,,vip;newsletter", // 10: new
  "98555 55555,Kai,,Pro,,extra", // 11: rejected (one value too many)
  "98123 45678,Asha,asha@example.com,Pro,vip", // 12: unchanged
  "98666 66666,Noor,,,", // 13: new
];

async function workspace() {
  const ws = randomId("ws");
  await upsertAttributeDefinitions(store(), ws, [
    { name: "email", type: "email", options: [] },
    { name: "plan", type: "list", options: ["Free", "Pro"] },
  ]);
  // A contact the workspace already has, under another name.
  await importContactsCsv(store(), ws, Readable.from(["Phone,Name\n98222 22222,Before\n"]), { country: "IN" });
  return ws;
}

async function runImport(ws: string, lines: string[], sizes: ImportSizes) {
  const progress: Array<Pick<ImportReport, "rows" | "imported" | "updated" | "unchanged" | "rejectedCount" | "bytesRead">> = [];
  const report = await importContactsCsv(
    store(),
    ws,
    Readable.from([lines.join("\n") + "\n"]),
    { country: "IN", sourceLabel: "expo" },
    ({ rows, imported, updated, unchanged, rejectedCount, bytesRead }) => progress.push({ rows, imported, updated, unchanged, rejectedCount, bytesRead }),
    sizes,
  );
  return { report, progress };
}

/** Every stored event of the workspace, but for the import's time. */
async function storedEvents(ws: string) {
  return store().query<Record<string, string>>(
    `SELECT contact, event_id, type, actor_kind, actor_id, tag, tag_kind, tag_origin, attribute, value, source, source_detail, name, payload
     FROM events WHERE workspace_id = {workspaceId:String} ORDER BY contact, event_id`,
    { workspaceId: ws },
    { report: "test:csv-import-rounds" },
  );
}

/** The contacts read model, as screens read it. */
async function contactRows(ws: string) {
  return store().query<Record<string, unknown>>(
    `SELECT contact, name, source, source_detail, tags, tag_kinds, attributes, search_text
     FROM contacts FINAL WHERE workspace_id = {workspaceId:String} ORDER BY contact`,
    { workspaceId: ws },
    { report: "test:csv-import-rounds" },
  );
}

describe("CSV import in rounds of several batches", () => {
  it("gives the report, progress, events and contacts of a batch-by-batch import, on a first import and on re-imports", async () => {
    const [byBatch, byRound] = [await workspace(), await workspace()];
    const edited = FILE.map((line) => line.replace("98765 43210,Ravi,,Free,", "98765 43210,Ravi,,Pro,").replace("Noor", "Noor A"));
    const expected = [
      // The first import: Asha, Ravi, Lia and Noor new; Old and Ravi's second row updated; Asha's repeats unchanged.
      { lines: FILE, report: { rows: 12, imported: 4, updated: 2, unchanged: 2, rejectedCount: 4 } },
      // The same file again: every batch's contacts unchanged.
      { lines: FILE, report: { rows: 12, imported: 0, updated: 0, unchanged: 8, rejectedCount: 4 } },
      // Ravi's plan on line 3 and Noor's name changed.
      { lines: edited, report: { rows: 12, imported: 0, updated: 2, unchanged: 6, rejectedCount: 4 } },
    ];
    for (const { lines, report } of expected) {
      const one = await runImport(byBatch, lines, ONE_A_ROUND);
      const four = await runImport(byRound, lines, FOUR_A_ROUND);
      expect(one.report).toMatchObject(report);
      expect(four.report).toEqual(one.report);
      expect(four.progress).toEqual(one.progress);
      expect(one.progress.map((p) => p.rows)).toEqual([5, 9, 12]);
      expect(await storedEvents(byRound)).toEqual(await storedEvents(byBatch));
      expect(await contactRows(byRound)).toEqual(await contactRows(byBatch));
    }
    expect((await runImport(byRound, FILE, FOUR_A_ROUND)).report.rejected.map((r) => r.row)).toEqual([4, 5, 9, 11]);

    const contacts = await contactRows(byRound);
    expect(contacts.map((c) => [c.contact, c.name, c.tags])).toEqual([
      ["+919812345678", "Asha", ["vip"]],
      ["+919822222222", "Old", []],
      ["+919844444444", "Lia", ["newsletter", "vip"]],
      ["+919866666666", "Noor A", []],
      ["+919876543210", "Ravi", ["newsletter"]],
    ]);
    expect(contacts.find((c) => c.contact === "+919876543210")?.attributes).toEqual({ plan: "Pro" });
  });
});
