import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * Every statement in clickhouse/queries must filter on the tenant, unless its
 * module declares why it may not (`export const TENANT_EXEMPT = "reason"`).
 * Statements are found with the TypeScript parser; `${name}` pieces that are
 * consts of the module (or imported from another query module) are expanded,
 * so a predicate kept in a shared fragment still counts.
 */

const ROOT = path.resolve(import.meta.dirname, "../..");
const QUERIES_DIR = path.join(ROOT, "clickhouse/queries");
const SQL_KEYWORD = /\b(SELECT|INSERT|ALTER|DELETE|FROM)\b/i;
const TENANT_PREDICATE = /\bworkspace_id\s*=\s*\{\s*workspaceId\s*:\s*String\s*\}/;

interface Statement {
  line: number;
  sql: string;
}

interface ModuleReport {
  exempt: string | null;
  statements: Statement[];
  /** Statements without the tenant predicate (all of them count when the module is exempt). */
  unscoped: Statement[];
}

type LoadModule = (fromFile: string, specifier: string) => ts.SourceFile | null;

/** The consts of the module that declares a const's initializer: an imported fragment expands in its own module's scope. */
const scopes = new WeakMap<ts.Expression, Map<string, ts.Expression>>();

function parse(file: string, text: string): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

function loadFromDisk(fromFile: string, specifier: string): ts.SourceFile | null {
  const base = specifier.startsWith("@/")
    ? path.join(ROOT, specifier.slice(2))
    : specifier.startsWith(".")
      ? path.resolve(path.dirname(fromFile), specifier)
      : null;
  if (!base) return null;
  const file = [base, `${base}.ts`].find((f) => existsSync(f) && f.endsWith(".ts"));
  return file ? parse(file, readFileSync(file, "utf8")) : null;
}

/** Top-level consts of a module and the consts it imports by name. */
function constsOf(sf: ts.SourceFile, load: LoadModule, seen = new Set<string>()): Map<string, ts.Expression> {
  const consts = new Map<string, ts.Expression>();
  if (seen.has(sf.fileName)) return consts;
  seen.add(sf.fileName);
  for (const stmt of sf.statements) {
    if (ts.isVariableStatement(stmt) && stmt.declarationList.flags & ts.NodeFlags.Const) {
      for (const d of stmt.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.initializer) {
          consts.set(d.name.text, d.initializer);
          scopes.set(d.initializer, consts);
        }
      }
    }
    if (ts.isImportDeclaration(stmt) && ts.isStringLiteral(stmt.moduleSpecifier)) {
      const bindings = stmt.importClause?.namedBindings;
      if (!bindings || !ts.isNamedImports(bindings)) continue;
      const target = load(sf.fileName, stmt.moduleSpecifier.text);
      if (!target) continue;
      const theirs = constsOf(target, load, seen);
      for (const el of bindings.elements) {
        const value = theirs.get((el.propertyName ?? el.name).text);
        if (value) consts.set(el.name.text, value);
      }
    }
  }
  return consts;
}

const MAX_VARIANTS = 256;

/**
 * Every SQL text an expression can produce: each branch of a conditional is a
 * variant of its own, so a predicate in only one branch does not pass.
 * Unknown pieces (calls, parameters) become `${?}`.
 */
function render(node: ts.Expression, consts: Map<string, ts.Expression>, depth = 0): string[] {
  if (depth > 20) return ["${?}"];
  const r = (n: ts.Expression) => render(n, consts, depth + 1);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node)) {
    return node.templateSpans.reduce(
      (acc, s) => product(acc, product(r(s.expression), [s.literal.text])),
      [node.head.text],
    );
  }
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) return r(node.expression);
  if (ts.isConditionalExpression(node)) return [...r(node.whenTrue), ...r(node.whenFalse)].slice(0, MAX_VARIANTS);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) return product(r(node.left), r(node.right));
  if (ts.isIdentifier(node)) {
    const value = consts.get(node.text);
    return value ? render(value, scopes.get(value) ?? consts, depth + 1) : ["${?}"];
  }
  return ["${?}"];
}

function product(a: string[], b: string[]): string[] {
  return a.flatMap((x) => b.map((y) => x + y)).slice(0, MAX_VARIANTS);
}

function isStringLike(node: ts.Node): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node);
}

/** The whole expression a string literal is part of: up through `+` chains, never into an enclosing template. */
function outermost(node: ts.Expression): ts.Expression | null {
  let current: ts.Node = node;
  while (
    (ts.isBinaryExpression(current.parent) && current.parent.operatorToken.kind === ts.SyntaxKind.PlusToken) ||
    ts.isParenthesizedExpression(current.parent)
  ) {
    current = current.parent;
  }
  for (let p: ts.Node | undefined = current.parent; p; p = p.parent) {
    if (ts.isTemplateSpan(p) || ts.isImportDeclaration(p) || ts.isExportDeclaration(p)) return null;
  }
  return current as ts.Expression;
}

function exemption(sf: ts.SourceFile): string | null {
  for (const stmt of sf.statements) {
    if (!ts.isVariableStatement(stmt)) continue;
    if (!stmt.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    for (const d of stmt.declarationList.declarations) {
      if (ts.isIdentifier(d.name) && d.name.text === "TENANT_EXEMPT" && d.initializer && isStringLike(d.initializer)) {
        const reason = render(d.initializer, new Map())[0].trim();
        if (reason) return reason;
      }
    }
  }
  return null;
}

function checkQueryModule(file: string, text: string, load: LoadModule = loadFromDisk): ModuleReport {
  const sf = parse(file, text);
  const consts = constsOf(sf, load);
  const found = new Set<ts.Node>();
  const statements: Statement[] = [];
  const visit = (node: ts.Node) => {
    if (isStringLike(node)) {
      const whole = outermost(node);
      if (whole && !found.has(whole)) {
        found.add(whole);
        const line = sf.getLineAndCharacterOfPosition(whole.getStart(sf)).line + 1;
        for (const variant of new Set(render(whole, consts))) {
          const sql = variant.replace(/\s+/g, " ").trim();
          if (SQL_KEYWORD.test(sql)) statements.push({ line, sql });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  const exempt = exemption(sf);
  return { exempt, statements, unscoped: statements.filter((s) => !TENANT_PREDICATE.test(s.sql)) };
}

function queryModules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts") && !e.name.endsWith(".d.ts"))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

describe("tenant predicate in clickhouse/queries", () => {
  const files = queryModules(QUERIES_DIR);

  it("finds the query modules and their statements", () => {
    expect(files.length).toBeGreaterThan(0);
    const overview = checkQueryModule(path.join(QUERIES_DIR, "overview.ts"), readFileSync(path.join(QUERIES_DIR, "overview.ts"), "utf8"));
    expect(overview.statements.length).toBeGreaterThanOrEqual(3);
  });

  it.each(files.map((f) => [path.relative(ROOT, f), f]))("%s filters every statement on workspace_id", (name, file) => {
    const report = checkQueryModule(file, readFileSync(file, "utf8"));
    if (report.exempt) return;
    const problems = report.unscoped.map(
      (s) => `${name}:${s.line} has no \`workspace_id = {workspaceId:String}\`: ${s.sql.slice(0, 200)}`,
    );
    expect(problems, `${name} is not exempt (no exported TENANT_EXEMPT), so every statement needs the tenant predicate`).toEqual([]);
  });
});

describe("the tenant predicate checker itself", () => {
  const noImports: LoadModule = () => null;

  it("reports a statement without the predicate, naming its line and SQL", () => {
    const text = [
      'import type { Store } from "../client";',
      "export async function leaky(store: Store, tag: string) {",
      "  return store.query(`SELECT contact FROM contact_tags WHERE tag = {tag:String}`, { tag });",
      "}",
    ].join("\n");
    const report = checkQueryModule("leaky.ts", text, noImports);
    expect(report.exempt).toBeNull();
    expect(report.unscoped).toEqual([{ line: 3, sql: "SELECT contact FROM contact_tags WHERE tag = {tag:String}" }]);
  });

  it("accepts a statement with the predicate, also when it comes from a const fragment or an alias", () => {
    const text = [
      "const TENANT = `workspace_id = {workspaceId:String}`;",
      "const a = `SELECT count() FROM contact_state WHERE ${TENANT}`;",
      "const b = `SELECT 1 FROM events AS e WHERE e.workspace_id = { workspaceId: String } AND ${other()}`;",
      'const c = "SELECT " + cols + " FROM daily_events WHERE workspace_id = {workspaceId:String}";',
    ].join("\n");
    const report = checkQueryModule("ok.ts", text, noImports);
    expect(report.statements).toHaveLength(3);
    expect(report.unscoped).toEqual([]);
  });

  it("finds statements in single-quoted strings and concatenations", () => {
    const text = [
      "const a = 'DELETE FROM segments WHERE segment_id = {id:String}';",
      'const b = "SELECT * " + "FROM events";',
    ].join("\n");
    const report = checkQueryModule("mixed.ts", text, noImports);
    expect(report.unscoped.map((s) => s.sql)).toEqual([
      "DELETE FROM segments WHERE segment_id = {id:String}",
      "SELECT * FROM events",
    ]);
  });

  it("checks each branch of a conditional as a statement of its own", () => {
    const text = [
      "const tenant = `workspace_id = {workspaceId:String}`;",
      "const a = `SELECT 1 FROM events WHERE ${all ? `1` : tenant}`;",
      "const b = `SELECT 1 FROM events WHERE ${tenant} ${tag ? `AND tag = {tag:String}` : ``}`;",
    ].join("\n");
    const report = checkQueryModule("branches.ts", text, noImports);
    expect(report.statements).toHaveLength(4);
    expect(report.unscoped).toEqual([{ line: 2, sql: "SELECT 1 FROM events WHERE 1" }]);
  });

  it("a predicate on another parameter or column does not count", () => {
    const text = [
      "const a = `SELECT 1 FROM events WHERE workspace_id = {ws:String}`;",
      "const b = `SELECT 1 FROM events WHERE other_workspace_id = {workspaceId:String}`;",
    ].join("\n");
    expect(checkQueryModule("wrong.ts", text, noImports).unscoped).toHaveLength(2);
  });

  it("honours an exported TENANT_EXEMPT with a reason, and only an exported one", () => {
    const body = "\nconst q = `SELECT version() AS version FROM system.one`;";
    expect(checkQueryModule("a.ts", `export const TENANT_EXEMPT = "server facts";${body}`, noImports).exempt).toBe("server facts");
    expect(checkQueryModule("b.ts", `const TENANT_EXEMPT = "not exported";${body}`, noImports).exempt).toBeNull();
    expect(checkQueryModule("c.ts", `export const TENANT_EXEMPT = "";${body}`, noImports).exempt).toBeNull();
  });

  it("ignores text that is not SQL", () => {
    const text = 'import { x } from "../client";\nconst msg = "refusing to write events of another workspace";';
    expect(checkQueryModule("plain.ts", text, noImports).statements).toEqual([]);
  });
});
