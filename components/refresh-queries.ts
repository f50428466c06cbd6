import type { InvalidateQueryFilters, QueryClient } from "@tanstack/react-query";

/**
 * Reads queries again after a write changed what they show. Invalidating
 * alone misses a query still on its first load: TanStack Query folds the
 * refetch into that load, which was asked for before the write and answers
 * without it (a key created while the keys list was loading never showed up).
 * So a load under way is cancelled first, then everything matching is asked
 * for again.
 */
export async function refreshQueries(queryClient: QueryClient, filters: InvalidateQueryFilters = {}): Promise<void> {
  await queryClient.cancelQueries(filters);
  await queryClient.invalidateQueries(filters);
}
