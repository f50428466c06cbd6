/** A JS time as ClickHouse's DateTime64(3) text in UTC ('2026-11-23 09:30:00.123'), unambiguous in every input format. */
export function toClickHouseTime(t: Date | number | string): string {
  const d = t instanceof Date ? t : new Date(t);
  return d.toISOString().replace("T", " ").replace("Z", "");
}

/** ClickHouse DateTime64 text (UTC) back to epoch milliseconds. */
export function fromClickHouseTime(s: string): number {
  return Date.parse(s.replace(" ", "T") + "Z");
}
