import { describe, expect, it } from "vitest";
import { firstTabFor } from "@/components/manage/tabs";

describe("Manage opens on the first tab the person's role can use", () => {
  it("for each role", () => {
    expect(firstTabFor("admin")).toBe("general");
    expect(firstTabFor("marketer")).toBe("tags");
    expect(firstTabFor("manager")).toBe("tags");
    expect(firstTabFor("analyst")).toBe("tags");
  });
});
