import { useQueryStates } from "nuqs";
import { createLoader, parseAsArrayOf, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { JOURNEY_GROUPS } from "./journey-groups";

/**
 * The journey's state in the URL: `?types=tags,attributes` (the filter;
 * unknown names are ignored) and `?at=2026-10-01` or an exact ISO time, the
 * link other reports use for "the profile at that moment" (Unresolved's
 * "Open chat"). `at` stays text here: readAt (journey-groups.ts) says why an
 * unreadable one is ignored instead of dropping it silently.
 */
export const journeyParsers = {
  types: parseAsArrayOf(parseAsStringLiteral(JOURNEY_GROUPS.map((g) => g.key))).withDefault([]),
  at: parseAsString,
};
export const loadJourney = createLoader(journeyParsers);

/** Each change is a history entry, so Back undoes a filter or a jump. */
export function useJourneyParams() {
  return useQueryStates(journeyParsers, { history: "push" });
}
