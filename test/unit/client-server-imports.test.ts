import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The browser imports the server's schemas (server/schemas/*, the domain's
 * rules) so a rule is written once; none of them may pull server-only code
 * into the browser bundle. Walks every runtime import that components make
 * into server/ and clickhouse/, and everything those import in turn.
 */

const root = path.resolve(import.meta.dirname, "../..");
const FORBIDDEN = [/^server-only$/, /^node:/, /^chdb$/, /^bcryptjs$/, /^@clickhouse\/client$/, /^next-auth(\/|$)/, /^@\/clickhouse\/client$/, /^@\/clickhouse\/queries\/(?!campaign-common$)/];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));
}

/** The runtime imports of a module: `import type` and `export type` are erased and do not count. */
function runtimeImports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specs: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(?!type\s)(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']/gm)) specs.push(m[1]);
  return specs;
}

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? path.join(root, spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(from), spec) : null;
  if (!base) return null;
  return [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")].find(existsSync) ?? null;
}

function serverClosure(entry: string): Array<{ module: string; via: string }> {
  const found: Array<{ module: string; via: string }> = [];
  const seen = new Set<string>();
  const walk = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of runtimeImports(file)) {
      if (FORBIDDEN.some((f) => f.test(spec))) found.push({ module: spec, via: path.relative(root, file) });
      const next = resolve(file, spec);
      if (next && /^(server|clickhouse)\//.test(path.relative(root, next))) walk(next);
    }
  };
  for (const spec of runtimeImports(entry)) {
    const next = resolve(entry, spec);
    if (next && /^(server|clickhouse)\//.test(path.relative(root, next))) walk(next);
  }
  return found;
}

describe("what the browser imports from the server", () => {
  const clientFiles = files(path.join(root, "components")).filter((f) => /^["']use client["']/m.test(readFileSync(f, "utf8")) || /search-params|schema/.test(f));

  it("finds the forms' schema imports to check", () => {
    const schemaUsers = clientFiles.filter((f) => runtimeImports(f).some((s) => s.startsWith("@/server/schemas/")));
    expect(schemaUsers.length).toBeGreaterThanOrEqual(8);
  });

  it.each(files(path.join(root, "components")).map((f) => [path.relative(root, f)]))("%s pulls no server-only module", (file) => {
    expect(serverClosure(path.join(root, file))).toEqual([]);
  });
});
