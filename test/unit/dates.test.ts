import { describe, expect, it } from "vitest";
import { clampDay, dayProblem, FIRST_DAY, LAST_DAY, supportedDay, supportedMoment } from "@/clickhouse/vocabulary/dates";

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
