/**
 * Date formatters in a given time zone, built once per zone and shape. A
 * fixed locale: what one person sees, a colleague opening the same link sees
 * too. The zone is the workspace's (components/workspace-zone.tsx).
 */
const formats = new Map<string, Intl.DateTimeFormat>();

export function zonedFormat(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { ...options, timeZone });
    formats.set(key, format);
  }
  return format;
}

const DATE_TIME = { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;

/** "Mar 3, 09:00" in `timeZone` (an ISO time from the server); the page names the zone. */
export function formatDateTime(iso: string, timeZone: string): string {
  return zonedFormat(timeZone, DATE_TIME).format(new Date(iso));
}
