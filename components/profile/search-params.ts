import type { inferRouterOutputs } from "@trpc/server";
import { useQueryStates } from "nuqs";
import { createLoader, parseAsArrayOf, parseAsString, parseAsStringLiteral, type inferParserType } from "nuqs/server";
import type { AppRouter } from "@/server/routers/_app";
import { JOURNEY_GROUPS, readAt, typesOfGroups } from "./journey-groups";

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

/** Events in a page of the journey. */
export const JOURNEY_PAGE_SIZE = 50;

/** The journey's first page as the profile.journey procedure takes it, from the URL's state: the panel and its server page ask alike. */
export function journeyInput(workspaceId: string, contact: string, params: inferParserType<typeof journeyParsers>) {
  return { workspaceId, contact, types: typesOfGroups(selectedGroups(params)), at: readAt(params.at).at, limit: JOURNEY_PAGE_SIZE };
}

/** The filter's groups in the journey's order, each once, whatever order a link gives them in. */
export function selectedGroups(params: Pick<inferParserType<typeof journeyParsers>, "types">) {
  return JOURNEY_GROUPS.filter((g) => params.types.includes(g.key)).map((g) => g.key);
}

type JourneyPage = inferRouterOutputs<AppRouter>["profile"]["journey"];

/** How the journey pages: older from the bottom, newer on top after a jump. */
export const JOURNEY_PAGES = {
  getNextPageParam: (last: JourneyPage) => last.olderCursor ?? undefined,
  getPreviousPageParam: (first: JourneyPage) => first.newerCursor ?? undefined,
};
