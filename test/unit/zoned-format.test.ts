import { describe, expect, it } from "vitest";
import { formatExact } from "@/components/manage/format";
import { todayIn } from "@/components/overview/range";
import { dayOf, formatClock, formatDayHeading, formatWhen } from "@/components/profile/format";
import { formatDateTime } from "@/components/zoned-format";

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
