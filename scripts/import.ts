/**
 * npm run import -- <file.csv> --workspace <id> [--source <label>] [--country IN] [--delimiter ,|;|tab|bar] [--map phone=Mobile,name=Name,tags=Labels,attr:email=E-mail]
 *
 * Straight into the store when the app is not running; through the running
 * app's API (CHATLENS_URL, with CHATLENS_API_KEY) when it holds the store.
 */
import { createReadStream, existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createStore, StoreLockedError, type Store } from "../clickhouse/client";
import { migrate } from "../clickhouse/migrate";
import { getWorkspace } from "../clickhouse/queries/workspaces";
import { CSV_DELIMITERS, DELIMITER_NAMES, type CsvDelimiter } from "../server/ingestion/csv-dialect";
import { importContactsCsv, type ImportReport } from "../server/ingestion/csv-import";
import type { ImportMapping, ImportOptions } from "../server/schemas/import";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    workspace: { type: "string" },
    source: { type: "string" },
    country: { type: "string", default: "IN" },
    map: { type: "string" },
    delimiter: { type: "string" },
  },
});

function fail(message: string): never {
  console.error(`import: ${message}`);
  process.exit(1);
}

function parseMap(spec: string | undefined): ImportMapping | undefined {
  if (!spec) return undefined;
  const mapping: ImportMapping = { phone: "", tags: [], attributes: {} };
  for (const part of spec.split(",")) {
    const [key, column] = part.split("=").map((s) => s.trim());
    if (!key || !column) fail(`--map entries look like phone=Mobile or attr:email=E-mail, got "${part}"`);
    if (key === "phone" || key === "name" || key === "source") mapping[key] = column;
    else if (key === "tags") mapping.tags.push(column);
    else if (key.startsWith("attr:")) mapping.attributes[column] = key.slice(5);
    else fail(`unknown --map key "${key}" (use phone, name, source, tags, attr:<attribute>)`);
  }
  return mapping;
}

/** `--delimiter`: the separator by its character, or by name where a shell would make the character awkward. */
function parseDelimiter(spec: string | undefined): CsvDelimiter | undefined {
  if (spec === undefined) return undefined;
  const byName: Record<string, CsvDelimiter> = { comma: ",", semicolon: ";", tab: "\t", "\\t": "\t", bar: "|", pipe: "|" };
  const delimiter = byName[spec.toLowerCase()] ?? spec;
  if (!(CSV_DELIMITERS as readonly string[]).includes(delimiter)) fail(`--delimiter is one of , ; tab | (got "${spec}"); left out, it is detected`);
  return delimiter as CsvDelimiter;
}

function printProgress(p: Pick<ImportReport, "rows" | "imported" | "updated" | "rejectedCount">) {
  process.stdout.write(`\r  ${p.rows.toLocaleString()} rows read, ${p.imported.toLocaleString()} new, ${p.updated.toLocaleString()} updated, ${p.rejectedCount.toLocaleString()} rejected`);
}

function printReport(r: ImportReport, seconds: number) {
  console.log(`\n\nImported ${r.rows.toLocaleString()} rows in ${seconds.toFixed(1)} s (${Math.round(r.rows / Math.max(seconds, 0.001)).toLocaleString()} rows/s)`);
  console.log(`  new contacts:     ${r.imported.toLocaleString()}`);
  console.log(`  updated:          ${r.updated.toLocaleString()}`);
  console.log(`  unchanged:        ${r.unchanged.toLocaleString()}`);
  console.log(`  rejected rows:    ${r.rejectedCount.toLocaleString()}`);
  console.log(`  separator:        ${DELIMITER_NAMES[r.delimiter]?.one ?? r.delimiter}`);
  if (r.ignoredColumns.length) console.log(`  ignored columns:  ${r.ignoredColumns.join(", ")}`);
  for (const x of r.rejected.slice(0, 50)) console.log(`    ${x.reason}`);
  if (r.rejectedCount > 50) console.log(`    … and ${r.rejectedCount - 50} more`);
}

async function viaApi(file: string, options: ImportOptions): Promise<ImportReport> {
  const base = process.env.CHATLENS_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  const key = process.env.CHATLENS_API_KEY ?? process.env.CHATLENS_DEMO_API_KEY;
  if (!key) fail("the app is running and holds the store: set CHATLENS_API_KEY (Manage → API keys) to import through it");
  const url = `${base}/api/v1/contacts/import?options=${encodeURIComponent(JSON.stringify(options))}`;
  const res = await fetch(url, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "text/csv" },
    body: createReadStream(file) as unknown as BodyInit,
    duplex: "half",
  } as RequestInit);
  if (!res.ok || !res.body) fail(`${res.status}: ${(await res.text()).slice(0, 500)}`);
  let buffer = "";
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += Buffer.from(chunk).toString("utf8");
    let nl: number;
    while ((nl = buffer.indexOf("\n")) >= 0) {
      const msg = JSON.parse(buffer.slice(0, nl));
      buffer = buffer.slice(nl + 1);
      if (msg.type === "progress") printProgress(msg);
      else if (msg.type === "done") return msg.report;
      else if (msg.type === "error") fail(msg.message);
    }
  }
  fail("the app closed the connection before the import finished");
}

async function main() {
  const file = positionals[0];
  if (!file) fail("usage: npm run import -- <file.csv> --workspace <id> [--source <label>] [--country IN] [--delimiter ;] [--map …]");
  if (!existsSync(file)) fail(`no such file: ${file}`);
  if (!values.workspace) fail("--workspace is required (the workspace id, e.g. demo)");
  const options: ImportOptions = {
    mapping: parseMap(values.map),
    country: values.country,
    sourceLabel: values.source ?? "import",
    fileLabel: path.basename(file),
    delimiter: parseDelimiter(values.delimiter),
  };
  const started = Date.now();
  let store: Store | null = null;
  try {
    store = createStore();
  } catch (err) {
    if (!(err instanceof StoreLockedError)) throw err;
  }
  let report: ImportReport;
  if (store) {
    await migrate(store);
    if (!(await getWorkspace(store, values.workspace))) fail(`no workspace "${values.workspace}"`);
    report = await importContactsCsv(store, values.workspace, createReadStream(file), options, printProgress);
    await store.close();
  } else {
    console.log("The app is running: importing through its API.");
    report = await viaApi(file, options);
  }
  printReport(report, (Date.now() - started) / 1000);
}

main().catch((err) => fail((err as Error).message));
