import { stageTokens } from "../campaign-stages";
import { IN_HISTORY_SQL } from "../contact-status";
import { attributeValueSql } from "../attribute-paths";
import { AD_DETAIL_PREFIX, activeSince, addDays, dayStart, lastDaysRange, nextDaysRange } from "@/clickhouse/vocabulary/dates";
import { DEFAULT_ATTRIBUTION_DAYS } from "@/clickhouse/vocabulary/attribution";
import { decimalText } from "@/clickhouse/vocabulary/conversion-rules";
import { isGroup, type Condition, type FilterNode, type FilterTree } from "@/clickhouse/vocabulary/filter-tree";

/**
 * Compiles a validated filter tree into ONE predicate over a contact's row of
 * `contacts` plus its parameters. Values (attribute names included) become
 * `{pN:Type}` parameters, and operators and columns come from the whitelists
 * below; the one name pasted into SQL is a catalogue attribute key read as its
 * JSON path, which attribute-paths.ts checks against ATTRIBUTE_KEY first.
 *
 * Shape, for 1M contacts: every profile, tag and attribute rule is a filter on
 * the columns of one row per contact (0011), read once, and so are "received
 * ≥ N campaigns in D days, read none" (each contact's campaigns are arrays of
 * its row) and a rule on campaigns (each contact's behaviours per campaign are
 * tokens of its row, answered from their text index: campaign-stages.ts).
 */

export interface CompiledSegment {
  /**
   * A boolean SQL expression over the columns of a `contacts` row, read as
   * `FROM contacts FINAL WHERE workspace_id = … AND (where)`: FINAL keeps each
   * contact's newest row before the predicate runs (ClickHouse filters
   * non-key columns after the merge), and the engine reads only the columns,
   * and the attribute paths, the predicate names.
   */
  where: string;
  params: Record<string, unknown>;
}

const COMPARE: Record<"eq" | "ne" | "lt" | "le" | "gt" | "ge", string> = {
  eq: "=",
  ne: "!=",
  lt: "<",
  le: "<=",
  gt: ">",
  ge: ">=",
};

/**
 * The contact, as the left side of a rule's `IN (subquery)` (the conversion
 * rules). Through identity() the engine does not use the set to prune the
 * primary key: for hundreds of thousands of contacts that analysis ran over
 * every granule range against the whole set, and "read / ignored / tag", a set
 * then, took 17 s instead of 80 ms over a million contacts (the set pruned
 * nothing anyway).
 */
const MEMBER = "identity(contact)";

const COUNTER_COLUMN = {
  templateMessages: "template_messages",
  sessionMessages: "session_messages",
  unresolvedQueries: "unresolved_queries",
} as const; // contacts columns (0011)

/**
 * Each attribute of a contacts row as one string, "<key length>:<key><value>"
 * (the length in bytes keeps keys that contain ':' apart). The
 * attribute_entries text index of 0025 is built on this very expression, so
 * a `hasAny` over it is answered from the index; change one, change both.
 */
export const ATTRIBUTE_ENTRIES_SQL =
  "arrayMap((k, v) -> concat(toString(length(k)), ':', k, v), mapKeys(attributes), mapValues(attributes))";

/** The entry ATTRIBUTE_ENTRIES_SQL makes of a key and a value. */
export function attributeEntry(key: string, value: string): string {
  return `${Buffer.byteLength(key)}:${key}${value}`;
}

/**
 * Epoch ms as the text of a `DateTime64(3)` parameter: seconds with three
 * decimals. A bare number of fewer than five digits is not read as seconds
 * (`0`, 1970-01-01, fails with "Cannot parse DateTime: value 0"), the decimal
 * form always is, and it names an instant whatever the server's time zone.
 */
function epochSeconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

/**
 * What relative and day conditions are read against: `now` anchors "in the
 * last N days" and the status history, `timeZone` (the workspace's) says
 * where a day starts, for "first seen between" and date attributes' "today".
 * The reference evaluator (server/segments/evaluate.ts) takes the same two.
 */
export interface SegmentClock {
  now: Date;
  timeZone: string;
}

class Compiler {
  readonly params: Record<string, unknown> = {};
  private n = 0;
  private readonly now: number;
  private readonly timeZone: string;

  constructor(
    clock: SegmentClock,
    private readonly attributeTypes: ReadonlyMap<string, string>,
  ) {
    this.now = clock.now.getTime();
    this.timeZone = clock.timeZone;
  }

  attributeType(name: string): string {
    return this.attributeTypes.get(name) ?? "text";
  }

  /** Binds a value and returns its placeholder. `type` comes from the code, never from input. */
  bind(value: unknown, type: string): string {
    const name = `p${this.n++}`;
    this.params[name] = value;
    return `{${name}:${type}}`;
  }


  /** How many rules so far read an attribute's values (a predicate over a value, not the entries index). */
  private valueReads = 0;

  node(node: FilterNode): string {
    if (isGroup(node)) {
      // The children that read attribute values go first. AND and OR evaluate a later child only on
      // the rows the earlier ones left undecided, copying the columns it reads for those rows, and
      // the map, which a key that is no JSON path is read from, is the widest column of contacts:
      // "nested profile + NOT" at 1M contacts took 245 ms of CPU with its city rule last and 180 with
      // it first (through the city's path, 62 ms p50 either way). Same answers: the rules have no order.
      const parts = node.children
        .map((child) => {
          const before = this.valueReads;
          return { sql: this.node(child), readsValues: this.valueReads > before };
        })
        .sort((a, b) => Number(b.readsValues) - Number(a.readsValues))
        .map((part) => part.sql);
      // An empty group is "everyone" (validation allows it only at the root).
      const joined = parts.length === 0 ? "1" : parts.map((p) => `(${p})`).join(node.join === "and" ? " AND " : " OR ");
      return node.not ? `NOT (${joined})` : joined;
    }
    const sql = this.condition(node);
    return node.not ? `NOT (${sql})` : sql;
  }

  /**
   * A dictionary-coded column (source, first-message tag, status) is tested
   * with `IN`, which the engine answers once per dictionary entry: `has([…],
   * source)` decoded every row first (30 ms of CPU against 5 over a million
   * contacts, and "organic or ad, or first message Product B" 73 against 32).
   */
  condition(c: Condition): string {
    switch (c.kind) {
      case "tags":
        return this.tags(c);
      case "firstMessageTag":
        if (c.op === "empty") return "first_message_tag = ''";
        return `first_message_tag ${c.op === "none" ? "NOT IN" : "IN"} ${this.bind(c.tags, "Array(String)")}`;
      case "attribute":
        return this.attribute(c);
      case "source": {
        const ad = c.ad ? ` OR startsWith(source_detail, ${this.bind(AD_DETAIL_PREFIX, "String")})` : "";
        const any = `source IN ${this.bind(c.values, "Array(String)")}${ad}`;
        return c.op === "none" ? `NOT (${any})` : any;
      }
      case "status":
        return `if(${IN_HISTORY_SQL}, 'history', status) IN ${this.bind(c.values, "Array(String)")}`;
      case "lastActive":
        return this.timeRange("last_active", c.op === "inLastDays" ? { since: activeSince(this.now, c.days!) } : c.op === "before" ? { before: c.to! } : { from: c.from!, to: c.to! });
      case "firstSeen":
        return this.timeRange("first_seen", { from: c.from, to: c.to });
      case "counter": {
        const column = COUNTER_COLUMN[c.counter];
        return `${column} ${COMPARE[c.op]} ${this.bind(c.value, "UInt64")}`;
      }
      case "campaign":
        return this.campaign(c);
      case "campaignFatigue":
        return this.fatigue(c);
      case "optedOut":
        return "opted_out = 1";
      case "staticList":
        return `${MEMBER} IN (
          SELECT contact FROM segment_members
          WHERE workspace_id = {workspaceId:String} AND segment_id = ${this.bind(c.segmentId, "String")})`;
      case "converted":
        return this.converted(c);
      case "revenue":
        return `${MEMBER} IN (
          SELECT contact FROM conversions FINAL
          WHERE workspace_id = {workspaceId:String} AND currency = ${this.bind(c.currency, "String")}
            AND value IS NOT NULL AND ts >= ${this.bindTime(activeSince(this.now, c.days))}
          GROUP BY contact
          HAVING sum(value) >= toDecimal128(${this.bind(decimalText(c.min), "String")}, 4))`;
      case "neverConverted":
        // Every counted conversion keeps its row (its key never changes), so no FINAL is needed to know one exists.
        return `${MEMBER} NOT IN (SELECT contact FROM conversions WHERE workspace_id = {workspaceId:String})`;
    }
  }

  /** Attributed to the campaigns (any when none) under the default window: the campaigns' Converted stage. */
  converted(c: Extract<Condition, { kind: "converted" }>): string {
    const scope = c.campaigns.length ? `campaign_id IN ${this.bind([...new Set(c.campaigns)], "Array(String)")}` : "campaign_id != ''";
    const name = c.name ? ` AND name = ${this.bind(c.name, "String")}` : "";
    return `${MEMBER} IN (
          SELECT contact FROM conversions FINAL
          WHERE workspace_id = {workspaceId:String} AND ${scope}${name}
            AND ts <= delivered_at + toIntervalDay(${this.bind(DEFAULT_ATTRIBUTION_DAYS, "UInt8")}))`;
  }

  /** Binds an instant (epoch ms) as a `DateTime64(3)` parameter. */
  bindTime(ms: number): string {
    return this.bind(epochSeconds(ms), "DateTime64(3)");
  }

  /** A nullable time column against a range of the zone's days; a contact without the time never matches. */
  timeRange(column: "last_active" | "first_seen", r: { since?: number; before?: string; from?: string; to?: string }): string {
    if (r.since !== undefined) return `${column} IS NOT NULL AND ${column} >= ${this.bindTime(r.since)}`;
    if (r.before !== undefined) return `${column} IS NOT NULL AND ${column} < ${this.bindTime(dayStart(r.before, this.timeZone))}`;
    const from = this.bindTime(dayStart(r.from!, this.timeZone));
    const until = this.bindTime(dayStart(addDays(r.to!, 1), this.timeZone));
    return `${column} IS NOT NULL AND ${column} >= ${from} AND ${column} < ${until}`;
  }

  tags(c: Extract<Condition, { kind: "tags" }>): string {
    const tags = this.bind([...new Set(c.tags)], "Array(String)");
    const negate = c.op === "none" ? "NOT " : "";
    // Any kind: the tags column alone (dictionary codes, 0014), not the kinds beside it.
    if (c.tagKind === "any") return c.op === "all" ? `hasAll(tags, ${tags})` : `${negate}hasAny(tags, ${tags})`;
    const matches = `(t, k) -> has(${tags}, t) AND k = ${this.bind(c.tagKind, "String")}`;
    // A contact's tags are distinct, so counting the matches tells "all of".
    if (c.op === "all") return `arrayCount(${matches}, tags, tag_kinds) = ${this.bind(new Set(c.tags).size, "UInt32")}`;
    return `${negate}arrayExists(${matches}, tags, tag_kinds)`;
  }

  attribute(c: Extract<Condition, { kind: "attribute" }>): string {
    const negative = c.op === "isNot" || c.op === "ne" || c.op === "noneOf" || c.op === "isNotSet";
    const test = this.attributeTest(c);
    const set = (sql: string) => (negative ? `NOT ${sql}` : sql);
    if ("exact" in test) {
      // Served by the attribute_entries text index (0025) without reading the maps.
      return set(`hasAny(${ATTRIBUTE_ENTRIES_SQL}, ${this.bind(test.exact.map((value) => attributeEntry(c.attribute, value)), "Array(String)")})`);
    }
    this.valueReads++;
    // The lambda names the attribute's current value `value` for the operator's predicate ('' = not set).
    const value = attributeValueSql(c.attribute, () => this.bind(c.attribute, "String"));
    return set(`arrayExists(value -> value != '' AND ${test.predicate}, [${value}])`);
  }


  /**
   * The positive form of the operator (negative operators are its complement):
   * the values it matches exactly (one of a list, true, false; an empty value
   * is never stored, so it matches no contact), or a predicate over `value`.
   */
  attributeTest(c: Extract<Condition, { kind: "attribute" }>): { exact: string[] } | { predicate: string } {
    const v = c.values;
    const num = (i: number) => this.bind(Number(v[i]), "Float64");
    const date = (d: string) => this.bind(d, "Date32");
    const lower = (s: string) => s.toLowerCase();
    switch (c.op) {
      case "isSet":
      case "isNotSet":
        return { predicate: "1" };
      case "is":
      case "isNot":
        return { predicate: `lowerUTF8(value) = ${this.bind(lower(v[0]), "String")}` };
      case "contains":
        return { predicate: `positionCaseInsensitiveUTF8(value, ${this.bind(v[0], "String")}) > 0` };
      case "startsWith":
        return { predicate: `startsWith(lowerUTF8(value), ${this.bind(lower(v[0]), "String")})` };
      case "oneOf":
        return { predicate: `has(${this.bind(v.map(lower), "Array(String)")}, lowerUTF8(value))` };
      case "eq":
      case "ne":
        return { predicate: `toFloat64OrNull(value) = ${num(0)}` };
      case "lt":
      case "le":
      case "gt":
      case "ge":
        return { predicate: `toFloat64OrNull(value) ${COMPARE[c.op]} ${num(0)}` };
      case "between":
        if (this.attributeType(c.attribute) === "date") return { predicate: `toDate32OrNull(value) BETWEEN ${date(v[0])} AND ${date(v[1])}` };
        return { predicate: `toFloat64OrNull(value) BETWEEN ${num(0)} AND ${num(1)}` };
      case "before":
        return { predicate: `toDate32OrNull(value) < ${date(v[0])}` };
      case "after":
        return { predicate: `toDate32OrNull(value) > ${date(v[0])}` };
      case "inLastDays":
      case "inNextDays": {
        // A date attribute is a calendar day as written; only "today" depends on the zone.
        const [a, b] = (c.op === "inLastDays" ? lastDaysRange : nextDaysRange)(this.now, Number(v[0]), this.timeZone);
        return { predicate: `toDate32OrNull(value) BETWEEN ${date(a)} AND ${date(b)}` };
      }
      case "isTrue":
        return { exact: ["true"] };
      case "isFalse":
        return { exact: ["false"] };
      case "anyOf":
      case "noneOf":
        return { exact: v };
    }
  }

  campaign(c: Extract<Condition, { kind: "campaign" }>): string {
    // From the campaign_stages text index (0046): a set of a campaign's readers built from
    // recipients took 52 ms for the biggest campaign at 1M contacts, the tokens 5.
    return `hasAny(campaign_stages, ${this.bind(stageTokens(c.event, c.campaigns), "Array(String)")})`;
  }

  fatigue(c: Extract<Condition, { kind: "campaignFatigue" }>): string {
    const since = this.bindTime(activeSince(this.now, c.days));
    // campaign_sent is sorted: its N-th last send is since the start of the window when N or more are (0035).
    return `campaign_sent[-${this.bind(c.atLeast, "UInt32")}] >= ${since} AND last_read_send < ${since}`;
  }
}

/**
 * `clock` anchors every relative condition ("last 30 days", status history)
 * and says where the workspace's days start; `attributeTypes` (name → type)
 * picks number or date comparison for `between`.
 */
export function compileSegment(
  tree: FilterTree,
  clock: SegmentClock,
  attributeTypes: ReadonlyMap<string, string> = new Map(),
): CompiledSegment {
  const compiler = new Compiler(clock, attributeTypes);
  const where = compiler.node(tree);
  // IN_HISTORY_SQL reads {now:DateTime64(3)}; bound whether or not a status condition uses it.
  compiler.params.now = epochSeconds(clock.now.getTime());
  return { where, params: compiler.params };
}
