import { ATTRIBUTE_KEY } from "../vocabulary/attribute-keys";

/**
 * Each contact's attributes a second time, as a JSON column (0045): one
 * subcolumn per key, so a rule or a report on one attribute reads that
 * attribute's values and not the whole map. `attributes['city']` reads every
 * contact's keys and values and searches the keys row by row: "city does not
 * contain 'mum'" over the large demo's million contacts took 45 ms alone,
 * through the path 20, and the nested segment that holds it 85 → 64 ms p50.
 * The map stays: the search, the attribute entries' text index (exact rules)
 * and the readers of every attribute read it whole.
 *
 * Only keys that can be a path go in (the catalogue's, ATTRIBUTE_KEY):
 * an event may set any name, and a dot would nest ("a.b" under "a"). Other
 * keys are read from the map, with the same answers.
 */
export const ATTRIBUTE_PATHS_SQL = `CAST(mapFilter((k, v) -> match(k, '${ATTRIBUTE_KEY.source}'), attributes), 'JSON')`;

/**
 * The settings every statement writing ATTRIBUTE_PATHS_SQL runs with. A
 * value is text, but the cast to JSON would store "2024-01-05" as a Date and
 * "2024-01-05 10:00:00" as a DateTime, whose `.:String` reads are NULL. The
 * engine takes them from the writing statement only (a mutation or a column
 * computed on read infers dates whatever it is told), so the column is
 * written by the contacts' refresh alone, 0045's backfill included (migrate.ts).
 */
export const VALUES_STAY_TEXT = "input_format_try_infer_dates = 0, input_format_try_infer_datetimes = 0";

/**
 * One attribute's value in a contacts row, '' when unset: its JSON path when
 * the key is one (checked here, so only such a key is pasted into SQL), the
 * map entry otherwise, with `bound()` the key as a parameter.
 */
export function attributeValueSql(key: string, bound: () => string): string {
  return ATTRIBUTE_KEY.test(key) ? `ifNull(attribute_paths.\`${key}\`.:String, '')` : `attributes[${bound()}]`;
}
