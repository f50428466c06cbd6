import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : full.endsWith(".ts") ? [full] : [];
  });
}

/** The module specifiers a file imports from (static imports and re-exports). */
function importsOf(file: string): string[] {
  return [...readFileSync(file, "utf8").matchAll(/^(?:import|export)\b[^;]*?from\s+"([^"]+)"/gm)].map((m) => m[1]);
}

describe("layers", () => {
  it("nothing in clickhouse/ imports server/: the vocabulary both share lives in clickhouse/vocabulary", () => {
    const offending = files(path.join(ROOT, "clickhouse")).flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.startsWith("@/server") || path.resolve(path.dirname(file), spec).startsWith(path.join(ROOT, "server")))
        .map((spec) => `${path.relative(ROOT, file)} imports ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it("the vocabulary does no I/O: it imports nothing but itself and zod", () => {
    const dir = path.join(ROOT, "clickhouse/vocabulary");
    const outside = files(dir).flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec !== "zod" && !(spec.startsWith(".") && path.resolve(path.dirname(file), spec).startsWith(dir)))
        .map((spec) => `${path.relative(ROOT, file)} imports ${spec}`),
    );
    expect(outside).toEqual([]);
  });
});
