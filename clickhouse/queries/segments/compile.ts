import { STAGE_SQL, type Stage } from "../campaign-common";
import { IN_HISTORY_SQL, STATUS_SQL } from "../contact-status";
import { AD_DETAIL_PREFIX, activeSince, addDays, dayStart, lastDaysRange, nextDaysRange } from "@/clickhouse/vocabulary/dates";
import { isGroup, type Condition, type FilterNode, type FilterTree } from "@/clickhouse/vocabulary/filter-tree";

/**
 * Compiles a validated filter tree into ONE predicate over a contact's row of
 * `contacts` (see CONTACT_COLUMNS) plus its parameters. Nothing from the tree
 * is pasted into SQL: values (attribute names included) become `{pN:Type}`
 * parameters, and operators and columns come from the whitelists below.
 *
 * Shape, for 1M contacts: every profile, tag and attribute rule is a filter on
 * the columns of one row per contact (0011), read once, and so is "received
 * ≥ N campaigns in D days, read none" (each contact's campaigns are arrays of
 * its row); a rule on given campaigns is a `contact IN (…)` set from
 * `recipients`, whose effective ticks are columns, sorted by campaign so
 * "campaign X" reads X's rows only.
 */

export interface CompiledSegment {
  /** A boolean SQL expression over the columns of CONTACT_COLUMNS. */
  where: string;
  params: Record<string, unknown>;
  /** The contacts columns the predicate reads. */
  columns: Set<ContactColumn>;
}

/**
 * A contact's columns by name: the only columns a segment predicate may read.
 * Read `FROM contacts AS s FINAL`: rows are replaced as events arrive, and
 * FINAL keeps the newest, a cheap merge of sorted runs on plain columns.
 */
export const CONTACT_COLUMNS = {
  name: "s.name AS name",
  first_seen: "s.first_seen AS first_seen",
  last_active: "s.last_active AS last_active",
  last_message: "s.last_message AS last_message",
  template_messages: "s.template_messages AS template_messages",
  session_messages: "s.session_messages AS session_messages",
  unresolved_queries: "s.unresolved_queries AS unresolved_queries",
  last_control: "s.last_control AS last_control",
  last_control_at: "s.last_control_at AS last_control_at",
  source: "s.source AS source",
  source_detail: "s.source_detail AS source_detail",
  first_message_tag: "s.first_message_tag AS first_message_tag",
  tags: "s.tags AS tags",
  tag_kinds: "s.tag_kinds AS tag_kinds",
  attributes: "s.attributes AS attributes",
  campaign_sent: "s.campaign_sent AS campaign_sent",
  campaign_read: "s.campaign_read AS campaign_read",
} as const;
export type ContactColumn = keyof typeof CONTACT_COLUMNS;

const STATUS_COLUMNS: ContactColumn[] = ["last_control", "last_control_at", "last_active", "last_message"];

/** The select list of the contact subquery (`FROM contacts AS s FINAL`). */
export function mergedColumnsSql(columns: Iterable<ContactColumn>): string {
  return ["s.contact AS contact", ...[...new Set(columns)].sort().map((c) => CONTACT_COLUMNS[c])].join(", ");
}

const COMPARE: Record<"eq" | "ne" | "lt" | "le" | "gt" | "ge", string> = {
  eq: "=",
  ne: "!=",
  lt: "<",
  le: "<=",
  gt: ">",
  ge: ">=",
};

const COUNTER_COLUMN = {
  templateMessages: "template_messages",
  sessionMessages: "session_messages",
  unresolvedQueries: "unresolved_queries",
} as const satisfies Record<string, ContactColumn>;

/**
 * A campaign behaviour → the campaign report's stage with the same contacts.
 * The ticks are the report's effective ones (campaign-common.ts, default
 * reply window): a reply within the window counts, a reply proves a read, a
 * read proves a delivery, and "failed" means never delivered. So "ignored
 * campaign X" has exactly the contacts of X's drill-down for Ignored.
 */
const CAMPAIGN_STAGE = {
  received: "sent",
  read: "read",
  ignored: "ignored",
  replied: "replied",
  failed: "failed",
} as const satisfies Record<Extract<Condition, { kind: "campaign" }>["event"], Stage>;

class Compiler {
  readonly params: Record<string, unknown> = {};
  readonly columns = new Set<ContactColumn>();
  private n = 0;

  constructor(
    private readonly now: number,
    private readonly attributeTypes: ReadonlyMap<string, string>,
  ) {}

  attributeType(name: string): string {
    return this.attributeTypes.get(name) ?? "text";
  }

  /** Binds a value and returns its placeholder. `type` comes from the code, never from input. */
  bind(value: unknown, type: string): string {
    const name = `p${this.n++}`;
    this.params[name] = value;
    return `{${name}:${type}}`;
  }

  use(...columns: ContactColumn[]) {
    for (const c of columns) this.columns.add(c);
  }

  node(node: FilterNode): string {
    if (isGroup(node)) {
      const parts = node.children.map((c) => this.node(c));
      // An empty group is "everyone" (validation allows it only at the root).
      const joined = parts.length === 0 ? "1" : parts.map((p) => `(${p})`).join(node.join === "and" ? " AND " : " OR ");
      return node.not ? `NOT (${joined})` : joined;
    }
    const sql = this.condition(node);
    return node.not ? `NOT (${sql})` : sql;
  }

  condition(c: Condition): string {
    switch (c.kind) {
      case "tags":
        return this.tags(c);
      case "firstMessageTag":
        this.use("first_message_tag");
        if (c.op === "empty") return "first_message_tag = ''";
        return `${c.op === "none" ? "NOT " : ""}has(${this.bind(c.tags, "Array(String)")}, first_message_tag)`;
      case "attribute":
        return this.attribute(c);
      case "source": {
        this.use("source", "source_detail");
        const ad = c.ad ? ` OR startsWith(source_detail, ${this.bind(AD_DETAIL_PREFIX, "String")})` : "";
        const any = `has(${this.bind(c.values, "Array(String)")}, source)${ad}`;
        return c.op === "none" ? `NOT (${any})` : any;
      }
      case "status":
        this.use(...STATUS_COLUMNS);
        return `has(${this.bind(c.values, "Array(String)")}, if(${IN_HISTORY_SQL}, 'history', ${STATUS_SQL}))`;
      case "lastActive":
        this.use("last_active");
        return this.timeRange("last_active", c.op === "inLastDays" ? { since: activeSince(this.now, c.days!) } : c.op === "before" ? { before: c.to! } : { from: c.from!, to: c.to! });
      case "firstSeen":
        this.use("first_seen");
        return this.timeRange("first_seen", { from: c.from, to: c.to });
      case "counter": {
        const column = COUNTER_COLUMN[c.counter];
        this.use(column);
        return `${column} ${COMPARE[c.op]} ${this.bind(c.value, "UInt64")}`;
      }
      case "campaign":
        return this.campaign(c);
      case "campaignFatigue":
        return this.fatigue(c);
      case "staticList":
        return `contact IN (
          SELECT contact FROM segment_members
          WHERE workspace_id = {workspaceId:String} AND segment_id = ${this.bind(c.segmentId, "String")})`;
    }
  }

  /** A nullable time column against a range; a contact without the time never matches. */
  timeRange(column: "last_active" | "first_seen", r: { since?: number; before?: string; from?: string; to?: string }): string {
    const t = "DateTime64(3)";
    if (r.since !== undefined) return `${column} IS NOT NULL AND ${column} >= ${this.bind(r.since / 1000, t)}`;
    if (r.before !== undefined) return `${column} IS NOT NULL AND ${column} < ${this.bind(dayStart(r.before) / 1000, t)}`;
    const from = this.bind(dayStart(r.from!) / 1000, t);
    const until = this.bind(dayStart(addDays(r.to!, 1)) / 1000, t);
    return `${column} IS NOT NULL AND ${column} >= ${from} AND ${column} < ${until}`;
  }

  tags(c: Extract<Condition, { kind: "tags" }>): string {
    this.use("tags", "tag_kinds");
    const tags = [...new Set(c.tags)];
    const kind = c.tagKind === "any" ? "" : ` AND k = ${this.bind(c.tagKind, "String")}`;
    // A contact's tags are distinct, so counting the matches tells "all of".
    const matches = `(t, k) -> has(${this.bind(tags, "Array(String)")}, t)${kind}`;
    if (c.op === "all") return `arrayCount(${matches}, tags, tag_kinds) = ${this.bind(tags.length, "UInt32")}`;
    return `${c.op === "none" ? "NOT " : ""}arrayExists(${matches}, tags, tag_kinds)`;
  }

  attribute(c: Extract<Condition, { kind: "attribute" }>): string {
    this.use("attributes");
    const negative = c.op === "isNot" || c.op === "ne" || c.op === "noneOf" || c.op === "isNotSet";
    // The lambda names the attribute's current value `value` for the operator's predicate ('' = not set).
    const set = `arrayExists(value -> value != '' AND ${this.attributePredicate(c)}, [attributes[${this.bind(c.attribute, "String")}]])`;
    return negative ? `NOT ${set}` : set;
  }

  /** The positive form of the operator over `value` (negative operators are its complement). */
  attributePredicate(c: Extract<Condition, { kind: "attribute" }>): string {
    const v = c.values;
    const num = (i: number) => this.bind(Number(v[i]), "Float64");
    const date = (d: string) => this.bind(d, "Date32");
    const lower = (s: string) => s.toLowerCase();
    switch (c.op) {
      case "isSet":
      case "isNotSet":
        return "1";
      case "is":
      case "isNot":
        return `lowerUTF8(value) = ${this.bind(lower(v[0]), "String")}`;
      case "contains":
        return `positionCaseInsensitiveUTF8(value, ${this.bind(v[0], "String")}) > 0`;
      case "startsWith":
        return `startsWith(lowerUTF8(value), ${this.bind(lower(v[0]), "String")})`;
      case "oneOf":
        return `has(${this.bind(v.map(lower), "Array(String)")}, lowerUTF8(value))`;
      case "eq":
      case "ne":
        return `toFloat64OrNull(value) = ${num(0)}`;
      case "lt":
      case "le":
      case "gt":
      case "ge":
        return `toFloat64OrNull(value) ${COMPARE[c.op]} ${num(0)}`;
      case "between":
        if (this.attributeType(c.attribute) === "date") return `toDate32OrNull(value) BETWEEN ${date(v[0])} AND ${date(v[1])}`;
        return `toFloat64OrNull(value) BETWEEN ${num(0)} AND ${num(1)}`;
      case "before":
        return `toDate32OrNull(value) < ${date(v[0])}`;
      case "after":
        return `toDate32OrNull(value) > ${date(v[0])}`;
      case "inLastDays":
      case "inNextDays": {
        const [a, b] = (c.op === "inLastDays" ? lastDaysRange : nextDaysRange)(this.now, Number(v[0]));
        return `toDate32OrNull(value) BETWEEN ${date(a)} AND ${date(b)}`;
      }
      case "isTrue":
        return "value = 'true'";
      case "isFalse":
        return "value = 'false'";
      case "anyOf":
      case "noneOf":
        return `has(${this.bind(v, "Array(String)")}, value)`;
    }
  }

  campaign(c: Extract<Condition, { kind: "campaign" }>): string {
    const scope = c.campaigns.length ? `campaign_id IN ${this.bind([...new Set(c.campaigns)], "Array(String)")}` : "1";
    return `contact IN (
          SELECT contact FROM recipients FINAL
          WHERE workspace_id = {workspaceId:String} AND ${scope} AND ${STAGE_SQL[CAMPAIGN_STAGE[c.event]]})`;
  }

  fatigue(c: Extract<Condition, { kind: "campaignFatigue" }>): string {
    this.use("campaign_sent", "campaign_read");
    const since = this.bind(activeSince(this.now, c.days) / 1000, "DateTime64(3)");
    return `arrayCount(t -> t >= ${since}, campaign_sent) >= ${this.bind(c.atLeast, "UInt32")}
          AND arrayCount((t, r) -> t >= ${since} AND r = 1, campaign_sent, campaign_read) = 0`;
  }
}

/**
 * `now` anchors every relative condition ("last 30 days", status history);
 * `attributeTypes` (name → type) picks number or date comparison for `between`.
 */
export function compileSegment(tree: FilterTree, now: Date, attributeTypes: ReadonlyMap<string, string> = new Map()): CompiledSegment {
  const compiler = new Compiler(now.getTime(), attributeTypes);
  const where = compiler.node(tree);
  // IN_HISTORY_SQL reads {now:DateTime64(3)}; bound whether or not a status condition uses it.
  compiler.params.now = now.getTime() / 1000;
  return { where, params: compiler.params, columns: compiler.columns };
}
