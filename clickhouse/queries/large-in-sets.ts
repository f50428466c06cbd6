/**
 * For statements that filter `contacts` by `contact IN (subquery)` where the
 * set can hold a whole campaign's recipients: above this many values the set
 * filters rows instead of going through the primary-key analysis, which took
 * 2.5 s for a campaign's 128,571 recipients against 200,000 contacts, and
 * 20 ms without (chDB 3.4). Only those statements carry it: a round's lookups
 * by tens of thousands of ids need the key analysis, or they scan the table.
 */
export const LARGE_IN_SETS = "use_index_for_in_with_subqueries_max_values = 10000";
