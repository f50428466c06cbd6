/**
 * The p95 each query must reach at the large size (1,000,000 contacts,
 * 50,000,000 events) on a 2-core machine, as issue 11 sets them per screen.
 * The bench prints them beside the measured figures.
 */
export function targetMs(group: string, name: string): number {
  switch (group) {
    case "overview":
      return 100;
    case "contacts":
      if (name.startsWith("search phone")) return 50;
      if (name.startsWith("search name")) return 200;
      return 100;
    case "profile":
      return 30;
    case "segments":
      // Not in the table: an export's page of 20,000 rows, so a million-row file streams in about 15 s.
      if (name.startsWith("export")) return 300;
      return name.startsWith("preview") ? 100 : 150;
    case "unresolved":
      return 150;
    case "campaigns":
      if (name.includes("breakdown") || name.includes("source organic")) return 300;
      if (name.startsWith("when it works")) return 200;
      if (name.startsWith("compare")) return 300;
      return 100;
    case "conversions":
      // Issue 14: a campaign's conversions and revenue ≤ 100 ms; the list and the segment counts as their screens'.
      if (name.startsWith("segment")) return 150;
      return 100;
    case "manage":
      // Not in the table: a screen's own figures, held to what Segments and Unresolved must reach.
      return 150;
    default:
      return Infinity;
  }
}
