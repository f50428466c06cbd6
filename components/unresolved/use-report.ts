"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTRPC } from "@/components/trpc";
import type { AppRouter } from "@/server/routers/_app";
import type { EntryDimension } from "@/clickhouse/vocabulary/entry-points";

export type ReportOutputs = inferRouterOutputs<AppRouter>["unresolved"];
export interface ReportRange {
  workspaceId: string;
  from: string;
  to: string;
}

// Keep the last figures on screen while another range loads, instead of flashing skeletons.
const keep = (enabled: boolean) => ({ placeholderData: keepPreviousData, enabled });

/** The report's queries, one per section; React Query shares a query between the sections that read it. */
export function useVolume(r: ReportRange, enabled = true) {
  return useQuery(useTRPC().unresolved.volume.queryOptions(r, keep(enabled)));
}

export function useSpeed(r: ReportRange, enabled = true) {
  return useQuery(useTRPC().unresolved.speed.queryOptions(r, keep(enabled)));
}

/** Time to intervene alone: the headline's period before shows nothing else of the speed report. */
export function useInterveneSpeed(r: ReportRange, enabled = true) {
  return useQuery(useTRPC().unresolved.interveneSpeed.queryOptions(r, keep(enabled)));
}

export function useBacklog(workspaceId: string) {
  // The backlog is "now": refresh it every minute while the page is open.
  return useQuery(useTRPC().unresolved.backlog.queryOptions({ workspaceId }, { refetchInterval: 60_000 }));
}

/** One dimension of "Where they come from": the one shown. */
export function useSources(r: ReportRange & { by: EntryDimension }, enabled = true) {
  return useQuery(
    useTRPC().unresolved.sources.queryOptions(r, {
      enabled,
      // Another range keeps the last figures on screen; another dimension does not: its rows would sit under the new one's header.
      placeholderData: (previous, query) => ((query?.queryKey[1]?.input as { by?: EntryDimension } | undefined)?.by === r.by ? previous : undefined),
    }),
  );
}

export function useTerms(r: ReportRange, enabled = true) {
  return useQuery(useTRPC().unresolved.terms.queryOptions(r, keep(enabled)));
}

export function useAsked(r: ReportRange & { search: string; page: number }, enabled = true) {
  return useQuery(useTRPC().unresolved.asked.queryOptions({ ...r, pageSize: 10 }, keep(enabled)));
}

export function useRepeaters(r: ReportRange, enabled = true) {
  return useQuery(useTRPC().unresolved.repeaters.queryOptions(r, keep(enabled)));
}
