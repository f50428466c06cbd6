"use client";

import { createContext, useContext, type ReactNode } from "react";
import { DEFAULT_TIME_ZONE } from "@/clickhouse/vocabulary/time-zones";
import { formatDateTime } from "@/components/ui/format";

/**
 * The workspace's time zone (Manage → General), for every page under
 * /w/<workspace>: reports count days in it, so the pages show times in it
 * too, whatever zone the reader's browser is in. The workspace layout reads it
 * once with the membership (workspaces.current) and provides it here.
 */
const WorkspaceZone = createContext<string>(DEFAULT_TIME_ZONE);

export function WorkspaceZoneProvider({ timeZone, children }: { timeZone: string; children: ReactNode }) {
  return <WorkspaceZone.Provider value={timeZone}>{children}</WorkspaceZone.Provider>;
}

/** The IANA name of the workspace's zone: pass it to the formatters. */
export function useWorkspaceZone(): string {
  return useContext(WorkspaceZone);
}

/** "Mar 3, 09:00" in the workspace's zone, for table cells and lines of text; machines read the ISO time. */
export function DateTime({ value, className }: { value: string; className?: string }) {
  const timeZone = useWorkspaceZone();
  return (
    <time dateTime={new Date(value).toISOString()} className={className}>
      {formatDateTime(value, timeZone)}
    </time>
  );
}
