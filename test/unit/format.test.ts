import { describe, expect, it } from "vitest";
import {
  dayOf,
  formatBytes,
  formatClock,
  formatCompact,
  formatDateTime,
  formatDayHeading,
  formatDayLong,
  formatDayShort,
  formatDuration,
  formatExact,
  formatMoney,
  formatNumber,
  formatPercentSmall,
  formatRange,
  formatRate,
  formatRelative,
  formatShare,
  formatWhen,
  formatZoneClock,
  parseStoreTime,
} from "@/components/ui/format";
import { todayIn } from "@/components/ui/range/range";

describe("times shown in the workspace's zone", () => {
  // 18:10 UTC on Tuesday 10 November 2026 is 23:40 in Kolkata; 18:40 UTC is 00:10 on Wednesday there.
  const lateEvening = "2026-11-10 18:10:00.000";
  const pastMidnight = "2026-11-10T18:40:00.000Z";

  it("read the wall clock of the zone, not of UTC or the browser", () => {
    expect(formatDateTime(pastMidnight, "Asia/Kolkata")).toBe("Nov 11, 00:10");
    expect(formatDateTime(pastMidnight, "UTC")).toBe("Nov 10, 18:40");
    expect(formatClock(lateEvening, "Asia/Kolkata")).toBe("23:40:00");
    expect(formatWhen(lateEvening, "Asia/Kolkata")).toBe("Nov 10, 2026, 23:40 GMT+5:30");
    expect(formatWhen(lateEvening, "UTC")).toBe("Nov 10, 2026, 18:10 UTC");
    expect(formatExact(new Date(pastMidnight), "Asia/Kathmandu")).toBe("Nov 11, 2026, 00:25:00 GMT+5:45");
  });

  it("group a journey by the zone's days", () => {
    expect(dayOf("2026-11-10 18:40:00.000", "Asia/Kolkata")).toBe("2026-11-11");
    expect(dayOf("2026-11-10 18:40:00.000", "UTC")).toBe("2026-11-10");
    expect(formatDayHeading("2026-11-10 18:40:00.000", "Asia/Kolkata")).toBe("Wednesday, November 11, 2026");
  });

  it("take today from the zone for the range pickers", () => {
    expect(todayIn("Asia/Kolkata", new Date(pastMidnight))).toBe("2026-11-11");
    expect(todayIn("America/Los_Angeles", new Date(pastMidnight))).toBe("2026-11-10");
  });
});

describe("numbers read the same for everyone", () => {
  it("put thousands separators in counts and shorten chart ticks", () => {
    expect(formatNumber(2041)).toBe("2,041");
    expect(formatNumber(1234567)).toBe("1,234,567");
    expect(formatCompact(12_345)).toBe("12.3K");
  });

  it("write rates and shares as percentages, with a dash when there is nothing to divide by", () => {
    expect(formatRate(0.4251)).toBe("42.5%");
    expect(formatRate(null)).toBe("—");
    expect(formatShare(1, 3)).toBe("33.3%");
    expect(formatShare(5, 0)).toBe("—");
    expect(formatPercentSmall(0.04)).toBe("<0.1%");
    expect(formatPercentSmall(4.23)).toBe("4.2%");
    expect(formatPercentSmall(37.4)).toBe("37%");
    expect(formatPercentSmall(0)).toBe("0%");
  });

  it("give per-message prices enough decimals and keep an unknown currency readable", () => {
    expect(formatMoney(0.0107, "USD")).toBe("$0.0107");
    expect(formatMoney(1234.5, "INR")).toBe("₹1,234.50");
    expect(formatMoney(12.34, "XYZ1")).toBe("12.34 XYZ1");
    expect(formatMoney(null, "USD")).toBe("—");
  });

  it("size files in the unit that reads naturally", () => {
    expect(formatBytes(312)).toBe("312 bytes");
    expect(formatBytes(640 * 1024)).toBe("640 KB");
    expect(formatBytes(1.2 * 1024 * 1024)).toBe("1.2 MB");
  });
});

describe("durations", () => {
  it("use the largest units that read naturally, rounding before splitting", () => {
    expect(formatDuration(45_000)).toBe("45 s");
    expect(formatDuration(12 * 60_000)).toBe("12 min");
    expect(formatDuration((3 * 60 + 20) * 60_000)).toBe("3 h 20 min");
    expect(formatDuration((2 * 24 + 4) * 3_600_000)).toBe("2 d 4 h");
    expect(formatDuration((5 * 24 + 23.6) * 3_600_000)).toBe("6 d");
    expect(formatDuration(null)).toBe("—");
  });
});

describe("days and relative times", () => {
  it("write calendar days as they are, whatever the zone", () => {
    expect(formatDayShort("2026-11-23")).toBe("Nov 23");
    expect(formatDayLong("2026-11-23")).toBe("Mon, Nov 23, 2026");
    expect(formatRange("2026-10-08", "2026-11-06")).toBe("Oct 8 – Nov 6, 2026");
    expect(formatRange("2025-12-20", "2026-01-18")).toBe("Dec 20, 2025 – Jan 18, 2026");
    expect(formatRange("2026-11-23", "2026-11-23")).toBe("Nov 23, 2026");
  });

  it("read store times as UTC and say how long ago they were", () => {
    const now = parseStoreTime("2026-11-10 18:10:00.000").getTime();
    expect(new Date(now).toISOString()).toBe("2026-11-10T18:10:00.000Z");
    expect(formatRelative(new Date(now - 10_000), now)).toBe("just now");
    expect(formatRelative(new Date(now - 5 * 60_000), now)).toBe("5 minutes ago");
    expect(formatRelative(new Date(now - 24 * 3_600_000), now)).toBe("yesterday");
  });

  it("show a zone's wall clock, and nothing for a zone it does not know", () => {
    expect(formatZoneClock("Asia/Kolkata", new Date("2026-11-10T18:40:00Z"))).toBe("Wed 00:10");
    expect(formatZoneClock("Mars/Olympus_Mons")).toBe("");
  });
});
