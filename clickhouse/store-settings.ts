/**
 * Settings every statement of the store runs with, on the embedded engine
 * (SET once per pooled connection) and on a server (the client's defaults).
 *
 * use_index_for_in_with_subqueries_max_values: a `contact IN (subquery)`
 * whose set is large (a campaign's 128,571 recipients against `contacts`)
 * took 2.5 s in primary-key analysis and 20 ms without it (chDB 3.4, 200,000
 * contacts). Above this many values the set filters rows instead; a page's
 * phones or one segment's static list still narrow the read by the key.
 */
export const STORE_SETTINGS = {
  use_index_for_in_with_subqueries_max_values: "10000",
} as const;
