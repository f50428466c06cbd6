"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc";
import { refreshQueries } from "@/components/refresh-queries";

/** After an action, every part of the profile (parameters, tags, attributes, journey) reads the event log again. */
export function useRefreshProfile() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => refreshQueries(queryClient, { queryKey: trpc.profile.pathKey() });
}
