import { describe, expect, it } from "vitest";
import { nextTabIndex } from "@/components/ui/tab-keys";

describe("the arrow keys of a tab bar", () => {
  it("move to the next and previous tab, wrapping at the ends", () => {
    expect(nextTabIndex("ArrowRight", 0, 4)).toBe(1);
    expect(nextTabIndex("ArrowRight", 3, 4)).toBe(0);
    expect(nextTabIndex("ArrowLeft", 2, 4)).toBe(1);
    expect(nextTabIndex("ArrowLeft", 0, 4)).toBe(3);
  });

  it("jump to the first and last tab with Home and End", () => {
    expect(nextTabIndex("Home", 2, 4)).toBe(0);
    expect(nextTabIndex("End", 1, 4)).toBe(3);
  });

  it("leave every other key to the page (Tab leaves the bar, Enter follows a link)", () => {
    for (const key of ["Tab", "Enter", " ", "ArrowDown", "a"]) expect(nextTabIndex(key, 1, 4)).toBeNull();
  });
});
