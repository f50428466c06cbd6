import { describe, expect, it } from "vitest";
import { countAxis } from "@/components/charts/chart-style";

describe("a count axis", () => {
  it("ticks at round numbers that cover the largest value", () => {
    expect(countAxis(13_200).ticks).toEqual([0, 5_000, 10_000, 15_000]);
    expect(countAxis(2_041).ticks).toEqual([0, 1_000, 2_000, 3_000]);
    expect(countAxis(7).ticks).toEqual([0, 2, 4, 6, 8]);
    expect(countAxis(3).ticks).toEqual([0, 1, 2, 3]);
    expect(countAxis(100).ticks).toEqual([0, 25, 50, 75, 100]);
  });

  it("has a first tick of 0 and a last at or above the maximum, and an empty chart an axis of 0–1", () => {
    for (const max of [1, 9, 10, 11, 99, 101, 999, 12_345, 987_654]) {
      const { domain, ticks } = countAxis(max);
      expect(ticks[0]).toBe(0);
      expect(ticks.at(-1)).toBe(domain[1]);
      expect(domain[1]).toBeGreaterThanOrEqual(max);
      expect(ticks.length).toBeLessThanOrEqual(7);
      expect(ticks.every(Number.isInteger)).toBe(true);
    }
    expect(countAxis(0)).toEqual({ domain: [0, 1], ticks: [0, 1] });
  });
});
