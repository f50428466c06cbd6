import { describe, expect, it } from "vitest";
import { describeCell, describeSlot } from "@/components/campaigns/timing-words";
import { bestSlots, FEW_DELIVERIES, wilsonLowerBound, type Slot } from "@/server/domain/campaign-timing";

const cell = (weekday: number, hour: number, delivered: number, read: number): Slot & { read: number } => ({
  weekday,
  hour,
  delivered,
  read,
  readRate: delivered ? read / delivered : null,
});

describe("when it works: the best hours", () => {
  it("names an hour whose read rate is surely above the workspace's, by the lower bound of its interval", () => {
    const cells = [cell(2, 10, 2_000, 1_400), cell(3, 9, 28_000, 16_800), cell(5, 18, 2_521, 1_300)];
    // Overall: 19,500 of 32,521 read (60%); Tuesday 10:00 reads 70% of 2,000, its lower bound is 68%.
    expect(bestSlots(cells).map((c) => [c.weekday, c.hour])).toEqual([[2, 10]]);
  });

  it("does not name an hour backed by a few dozen deliveries, however well they read", () => {
    // 43 of 62 read (69%) against 60% overall: the interval reaches down to 57%.
    const cells = [cell(2, 10, 62, 43), cell(3, 9, 32_459, 19_455)];
    expect(bestSlots(cells)).toEqual([]);
  });

  it("does not name an hour the grid shows as uncertain, even when every delivery was read", () => {
    // 10 of 10 read: Wilson's lower bound is 72%, above the 66% overall, but ten deliveries are pale and striped on the grid.
    const cells = [cell(2, 13, 10, 10), cell(3, 9, 1_000, 660)];
    expect(cells[0].delivered).toBeLessThan(FEW_DELIVERIES);
    expect(wilsonLowerBound(10, 10)).toBeGreaterThan(0.666);
    expect(bestSlots(cells)).toEqual([]);
  });

  it("names nothing in a workspace with one campaign: its send hour is the whole of the data", () => {
    expect(bestSlots([cell(4, 11, 5_000, 4_000)])).toEqual([]);
  });

  it("ranks the named hours by their lower bound, at most three", () => {
    const cells = [cell(1, 8, 3_000, 2_400), cell(1, 9, 20_000, 15_400), cell(2, 8, 3_000, 2_370), cell(2, 9, 3_000, 2_300), cell(6, 22, 40_000, 12_000)];
    expect(bestSlots(cells).map((c) => [c.weekday, c.hour])).toEqual([
      [1, 8],
      [2, 8],
      [1, 9],
    ]);
  });

  it("computes Wilson's lower bound", () => {
    expect(wilsonLowerBound(0, 0)).toBe(0);
    expect(wilsonLowerBound(50, 100)).toBeCloseTo(0.4038, 3);
    expect(wilsonLowerBound(1_400, 2_000)).toBeCloseTo(0.6795, 3);
  });
});

describe("when it works: the hours in words", () => {
  it("words a best hour and a cell with the format module's hours, rates and counts", () => {
    expect(describeSlot({ weekday: 2, hour: 10, delivered: 1240, readRate: 0.64 })).toBe("Tuesdays 10:00–11:00: 64% read, 1,240 delivered");
    expect(describeSlot({ weekday: 7, hour: 23, delivered: 1, readRate: 0 })).toBe("Sundays 23:00–24:00: 0% read, 1 delivered");
    expect(describeCell({ weekday: 1, hour: 9, delivered: 12_345, readRate: 0.4321, few: false }, "Asia/Kolkata")).toBe(
      "Monday 09:00–10:00 Asia/Kolkata: 43.2% read of 12,345 delivered",
    );
    expect(describeCell({ weekday: 3, hour: 0, delivered: 4, readRate: 0.5, few: true }, "UTC")).toBe("Wednesday 00:00–01:00 UTC: 50% read of 4 delivered (few deliveries: uncertain)");
    expect(describeCell({ weekday: 5, hour: 23, delivered: 0, readRate: null, few: false }, "UTC")).toBe("Friday 23:00–24:00 UTC: nothing delivered");
  });
});
