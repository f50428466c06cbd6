import { describe, expect, it } from "vitest";
import { readContactParam } from "@/components/profile/contact-param";
import { readAt } from "@/components/profile/journey-groups";
import { checkAddTag, checkRemoveTag, checkSetAttribute } from "@/server/domain/contact-actions";

const catalogue = [
  { tag: "VIP", archived: false },
  { tag: "Old offer", archived: true },
];

describe("checkAddTag", () => {
  it("uses the catalogue's spelling and creates a missing tag only when asked", () => {
    expect(checkAddTag("  vip ", { catalogue, current: [], createIfMissing: false })).toEqual({ ok: true, value: { tag: "VIP", create: false } });
    expect(checkAddTag("Diwali  2026", { catalogue, current: [], createIfMissing: true })).toEqual({ ok: true, value: { tag: "Diwali 2026", create: true } });
    expect(checkAddTag("Diwali", { catalogue, current: [], createIfMissing: false })).toMatchObject({ ok: false, reason: expect.stringContaining("not in the tag catalogue") });
  });

  it("refuses an empty, archived, too long or already present tag", () => {
    expect(checkAddTag("   ", { catalogue, current: [], createIfMissing: true }).ok).toBe(false);
    expect(checkAddTag("old offer", { catalogue, current: [], createIfMissing: true })).toMatchObject({ ok: false, reason: expect.stringContaining("archived") });
    expect(checkAddTag("x".repeat(101), { catalogue, current: [], createIfMissing: true }).ok).toBe(false);
    expect(checkAddTag("VIP", { catalogue, current: [{ tag: "VIP", kind: "automated" }], createIfMissing: false })).toEqual({
      ok: false,
      reason: "This contact already has the tag “VIP” (added automatically).",
    });
  });
});

describe("checkRemoveTag", () => {
  it("removes only a manual tag the contact has", () => {
    const current = [
      { tag: "VIP", kind: "manual" },
      { tag: "Product A", kind: "automated" },
    ];
    expect(checkRemoveTag("vip", current)).toEqual({ ok: true, value: { tag: "VIP" } });
    expect(checkRemoveTag("Product A", current).ok).toBe(false);
    expect(checkRemoveTag("Lead", current).ok).toBe(false);
  });
});

describe("checkSetAttribute", () => {
  const defs = [
    { name: "email", type: "email", options: [] },
    { name: "plan", type: "list", options: ["Free", "Pro"] },
  ];

  it("normalises a value by its type, and an empty value clears", () => {
    expect(checkSetAttribute({ attribute: "email", value: "A@B.co" }, defs)).toEqual({ ok: true, value: { attribute: "email", value: "a@b.co", define: null } });
    expect(checkSetAttribute({ attribute: "plan", value: "" }, defs)).toMatchObject({ ok: true, value: { value: "" } });
    expect(checkSetAttribute({ attribute: "plan", value: "Gold" }, defs)).toMatchObject({ ok: false });
  });

  it("defines a new attribute within the limit and with a readable name", () => {
    expect(checkSetAttribute({ attribute: "shoe_size", value: "42", define: { type: "number", options: [] } }, defs)).toMatchObject({
      ok: true,
      value: { define: { name: "shoe_size", type: "number", options: [] } },
    });
    expect(checkSetAttribute({ attribute: "Shoe size", value: "42", define: { type: "number", options: [] } }, defs).ok).toBe(false);
    expect(checkSetAttribute({ attribute: "tier", value: "A", define: { type: "list", options: [] } }, defs).ok).toBe(false);
    const twenty = Array.from({ length: 20 }, (_, i) => ({ name: `f${i}`, type: "text", options: [] }));
    expect(checkSetAttribute({ attribute: "extra", value: "x", define: { type: "text", options: [] } }, twenty)).toMatchObject({
      ok: false,
      reason: expect.stringContaining("(20)"),
    });
    expect(checkSetAttribute({ attribute: "email", value: "x", define: { type: "number", options: [] } }, defs)).toMatchObject({
      ok: false,
      reason: "“email” already exists, with the type email.",
    });
  });
});

describe("profile URL parameters", () => {
  it("reads an encoded E.164 contact and suggests one for a lost plus", () => {
    expect(readContactParam("%2B919812345678")).toEqual({ ok: true, contact: "+919812345678" });
    expect(readContactParam("+919812345678")).toEqual({ ok: true, contact: "+919812345678" });
    expect(readContactParam("919812345678")).toEqual({ ok: false, raw: "919812345678", suggestion: "+919812345678" });
    expect(readContactParam("hello")).toEqual({ ok: false, raw: "hello", suggestion: null });
    expect(readContactParam("%E0%A4%")).toMatchObject({ ok: false });
  });

  it("takes a day or an exact time to jump to, and names anything else", () => {
    expect(readAt("2026-10-01")).toEqual({ at: "2026-10-01" });
    expect(readAt("2026-10-01T09:30:00Z")).toEqual({ at: "2026-10-01T09:30:00Z" });
    expect(readAt("last week").problem).toContain("not a date");
    expect(readAt(null)).toEqual({});
  });
});
