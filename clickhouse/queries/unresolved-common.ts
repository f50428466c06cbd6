import { fromClickHouseTime } from "../time";

/** ClickHouse DateTime64 text (UTC) as an ISO string, for the wire. */
export const isoTime = (s: string) => new Date(fromClickHouseTime(s)).toISOString();

export const REQUEST_TYPE = "intervention.requested";
