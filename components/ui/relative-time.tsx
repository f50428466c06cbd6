"use client";

import { useWorkspaceZone } from "@/components/workspace-zone";
import { formatExact, formatRelative, parseStoreTime } from "@/components/ui/format";

/** "3 hours ago", with the exact time in the workspace's zone on hover and for machines. */
export function RelativeTime({ value }: { value: string }) {
  const timeZone = useWorkspaceZone();
  const date = parseStoreTime(value);
  if (Number.isNaN(date.getTime())) return <span>{value}</span>;
  const exact = formatExact(date, timeZone);
  return (
    // "How long ago" moves on between the server's render and the browser's: not a mismatch to render again for.
    <time dateTime={date.toISOString()} title={exact} suppressHydrationWarning>
      {formatRelative(date)}
      <span className="visually-hidden"> ({exact})</span>
    </time>
  );
}
