import { formatExact, formatRelative, parseStoreTime } from "./format";

/** "3 hours ago", with the exact UTC time on hover and for machines. */
export function RelativeTime({ value }: { value: string }) {
  const date = parseStoreTime(value);
  if (Number.isNaN(date.getTime())) return <span>{value}</span>;
  const exact = formatExact(date);
  return (
    <time dateTime={date.toISOString()} title={exact}>
      {formatRelative(date)}
      <span className="visually-hidden"> ({exact})</span>
    </time>
  );
}
