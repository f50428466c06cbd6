import { describe, expect, it } from "vitest";
import { rangeParams } from "@/clickhouse/queries/day-range";
import {
  clampDay,
  dayProblem,
  dayStart,
  FIRST_DAY,
  LAST_DAY,
  lastDaysRange,
  previousRange,
  supportedDay,
  supportedMoment,
  zoneDay,
  zoneMinute,
} from "@/clickhouse/vocabulary/dates";
import { timeZones, timeZoneSchema, zoneOffsetLabel } from "@/clickhouse/vocabulary/time-zones";
import { resolveRange } from "@/server/schemas/report-range";

const messages = (r: { success: boolean; error?: { issues: Array<{ message: string }> } }) => (r.success ? [] : r.error!.issues.map((i) => i.message));

describe("the supported dates", () => {
  it("take every day from the first to the last, and name the range for one outside", () => {
    for (const day of [FIRST_DAY, "2026-11-23", "2104-02-29", LAST_DAY]) expect(messages(supportedDay.safeParse(day))).toEqual([]);
    expect(messages(supportedDay.safeParse("9999-12-31"))).toEqual(["9999-12-31 is outside the supported dates, 1970-01-01 to 2105-12-31"]);
    expect(messages(supportedDay.safeParse("2106-01-01"))).toEqual(["2106-01-01 is outside the supported dates, 1970-01-01 to 2105-12-31"]);
    expect(messages(supportedDay.safeParse("1969-12-31"))).toEqual(["1969-12-31 is outside the supported dates, 1970-01-01 to 2105-12-31"]);
  });

  it("tell a badly written date from one outside the range", () => {
    expect(messages(supportedDay.safeParse("23/11/2026"))).toEqual(["use a date like 2026-11-23"]);
    expect(messages(supportedDay.safeParse("2026-02-30"))).toEqual(["use a date like 2026-11-23"]);
    expect(dayProblem("23/11/2026")).toBe('use a date like 2026-11-23, not "23/11/2026"');
    expect(dayProblem("2299-01-01")).toBe("2299-01-01 is outside the supported dates, 1970-01-01 to 2105-12-31");
    expect(dayProblem("2105-12-31")).toBeNull();
  });

  it("take a moment as a day or an exact time, up to the last millisecond of the last day", () => {
    for (const at of [LAST_DAY, "2105-12-31T23:59:59.999Z", "2106-01-01T05:29:59+05:30", `${FIRST_DAY}T00:00:00Z`]) {
      expect(messages(supportedMoment.safeParse(at)), at).toEqual([]);
    }
    for (const at of ["2106-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z", "1970-01-01T05:00:00+05:30", "9999-12-31"]) {
      expect(messages(supportedMoment.safeParse(at)), at).toEqual([`${at} is outside the supported dates, 1970-01-01 to 2105-12-31`]);
    }
    expect(messages(supportedMoment.safeParse("yesterday"))).toEqual(["use a date like 2026-10-01 or a time like 2026-10-01T09:30:00Z"]);
  });

  it("clamp a computed day into the range", () => {
    expect(clampDay("1969-12-07")).toBe(FIRST_DAY);
    expect(clampDay("2026-11-23")).toBe("2026-11-23");
    expect(clampDay("2106-01-29")).toBe(LAST_DAY);
  });
});

describe("days in a time zone", () => {
  const iso = (ms: number) => new Date(ms).toISOString();

  it("start at the zone's midnight: a range in +5:30 and +5:45 covers its days from the midnight before `from` to the one after `to`", () => {
    expect(iso(dayStart("2026-11-10", "Asia/Kolkata"))).toBe("2026-11-09T18:30:00.000Z");
    const kolkata = rangeParams({ from: "2026-11-10", to: "2026-11-11", timeZone: "Asia/Kolkata" });
    expect(kolkata).toEqual({
      from: "2026-11-10",
      to: "2026-11-11",
      timeZone: "Asia/Kolkata",
      start: "2026-11-09 18:30:00.000",
      end: "2026-11-11 18:30:00.000",
    });
    expect(rangeParams({ from: "2026-11-10", to: "2026-11-10", timeZone: "Asia/Kathmandu" })).toMatchObject({
      start: "2026-11-09 18:15:00.000",
      end: "2026-11-10 18:15:00.000",
    });
    expect(rangeParams({ from: "2026-11-10", to: "2026-11-10", timeZone: "UTC" })).toMatchObject({
      start: "2026-11-10 00:00:00.000",
      end: "2026-11-11 00:00:00.000",
    });
  });

  it("follow daylight saving time, where a day can last 23 or 25 hours or start at 01:00", () => {
    // New York: 8 March 2026 springs forward at 02:00 (23 hours), 1 November falls back (25 hours).
    const ny = (day: string) => iso(dayStart(day, "America/New_York"));
    expect([ny("2026-03-08"), ny("2026-03-09"), ny("2026-11-01"), ny("2026-11-02")]).toEqual([
      "2026-03-08T05:00:00.000Z",
      "2026-03-09T04:00:00.000Z",
      "2026-11-01T04:00:00.000Z",
      "2026-11-02T05:00:00.000Z",
    ]);
    // Santiago moves its clocks at midnight: 6 September 2026 has no 00:00 and starts at 01:00 (-03);
    // on 5 April the hour before midnight comes twice, and the 5th starts after the second one.
    expect(iso(dayStart("2026-09-06", "America/Santiago"))).toBe("2026-09-06T04:00:00.000Z");
    expect(iso(dayStart("2026-04-05", "America/Santiago"))).toBe("2026-04-05T04:00:00.000Z");
  });

  it("tell an instant's day in the zone, and today for the default range", () => {
    const t = Date.parse("2026-11-10T18:40:00Z"); // 00:10 on the 11th in Kolkata
    expect(zoneDay(t, "UTC")).toBe("2026-11-10");
    expect(zoneDay(t, "Asia/Kolkata")).toBe("2026-11-11");
    expect(zoneDay(t, "America/Los_Angeles")).toBe("2026-11-10");
    expect(zoneMinute(t, "Asia/Kolkata")).toBe("2026-11-11 00:10");
    expect(resolveRange({}, "Asia/Kolkata", t)).toEqual({ from: "2026-10-13", to: "2026-11-11", timeZone: "Asia/Kolkata" });
    expect(resolveRange({}, "UTC", t)).toEqual({ from: "2026-10-12", to: "2026-11-10", timeZone: "UTC" });
    expect(lastDaysRange(t, 7, "Asia/Kolkata")).toEqual(["2026-11-05", "2026-11-11"]);
  });

  it("keep the zone in the previous period of a range", () => {
    expect(previousRange({ from: "2026-11-10", to: "2026-11-11", timeZone: "Asia/Kolkata" })).toEqual({
      from: "2026-11-08",
      to: "2026-11-09",
      timeZone: "Asia/Kolkata",
    });
  });
});

describe("the zones a workspace may take", () => {
  it("are IANA names under their current spelling, UTC first, each with its offset now", () => {
    const zones = timeZones();
    expect(zones[0]).toBe("UTC");
    expect(zones).toContain("Asia/Kolkata");
    expect(zones).not.toContain("Asia/Calcutta");
    expect(timeZoneSchema.parse(" Asia/Calcutta ")).toBe("Asia/Kolkata");
    expect(timeZoneSchema.safeParse("IST").success).toBe(false);
    const winter = new Date("2026-01-15T12:00:00Z");
    expect(zoneOffsetLabel("Asia/Kolkata", winter)).toBe("UTC+05:30");
    expect(zoneOffsetLabel("America/Sao_Paulo", winter)).toBe("UTC−03:00");
    expect(zoneOffsetLabel("UTC", winter)).toBe("UTC");
    expect(zoneOffsetLabel("Europe/London", winter)).toBe("UTC");
    expect(zoneOffsetLabel("Mars/Olympus", winter)).toBeNull();
  });
});
