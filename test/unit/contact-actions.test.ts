import { describe, expect, it } from "vitest";
import { readContactParam } from "@/components/profile/contact-param";
import { readAt } from "@/components/profile/journey-groups";
import { checkAddTag, checkRemoveTag, checkSetAttribute } from "@/server/domain/contact-actions";

const catalogue = [
  { tag: "VIP", label: "VIP", archived: false },
  { tag: "Old offer", label: "Old offer", archived: true },
  // Renamed in Manage: events keep the key, people type the label.
  { tag: "prod-a", label: "Product A", archived: false },
];

describe("checkAddTag", () => {
  it("uses the catalogue's spelling and creates a missing tag only when asked", () => {
    expect(checkAddTag("  vip ", { catalogue, current: [], createIfMissing: false })).toEqual({ ok: true, value: { tag: "VIP", label: "VIP", create: false } });
    expect(checkAddTag("product a", { catalogue, current: [], createIfMissing: false })).toEqual({
      ok: true,
      value: { tag: "prod-a", label: "Product A", create: false },
    });
    expect(checkAddTag("Diwali  2026", { catalogue, current: [], createIfMissing: true })).toEqual({
      ok: true,
      value: { tag: "Diwali 2026", label: "Diwali 2026", create: true },
    });
    expect(checkAddTag("Diwali", { catalogue, current: [], createIfMissing: false })).toMatchObject({ ok: false, reason: expect.stringContaining("not in the tag catalogue") });
  });

  it("refuses an empty, archived, too long or already present tag", () => {
    expect(checkAddTag("   ", { catalogue, current: [], createIfMissing: true }).ok).toBe(false);
    expect(checkAddTag("old offer", { catalogue, current: [], createIfMissing: true })).toMatchObject({ ok: false, reason: expect.stringContaining("archived") });
    expect(checkAddTag("x".repeat(61), { catalogue, current: [], createIfMissing: true })).toEqual({ ok: false, reason: "A tag name has at most 60 characters." });
    expect(checkAddTag("a;b", { catalogue, current: [], createIfMissing: true }).ok).toBe(false);
    expect(checkAddTag("Product A", { catalogue, current: [{ tag: "prod-a", kind: "manual" }], createIfMissing: false })).toMatchObject({
      ok: false,
      reason: "This contact already has the tag “Product A”.",
    });
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
    expect(checkRemoveTag("vip", current, catalogue)).toEqual({ ok: true, value: { tag: "VIP" } });
    expect(checkRemoveTag("Product A", current, catalogue).ok).toBe(false);
    expect(checkRemoveTag("Lead", current, catalogue).ok).toBe(false);
    // By the label of a renamed tag, removing its key.
    expect(checkRemoveTag("Product A", [{ tag: "prod-a", kind: "manual" }], catalogue)).toEqual({ ok: true, value: { tag: "prod-a" } });
  });
});

describe("checkSetAttribute", () => {
  const defs = [
    { name: "email", label: "Email", type: "email", options: [], archived: false },
    { name: "plan", label: "Plan", type: "list", options: ["Free", "Pro"], archived: false },
    { name: "fax", label: "Fax", type: "text", options: [], archived: true },
  ];

  it("normalises a value by its type, and an empty value clears", () => {
    expect(checkSetAttribute({ attribute: "email", value: "A@B.co" }, defs)).toEqual({ ok: true, value: { attribute: "email", value: "a@b.co", define: null } });
    expect(checkSetAttribute({ attribute: "plan", value: "" }, defs)).toMatchObject({ ok: true, value: { value: "" } });
    expect(checkSetAttribute({ attribute: "plan", value: "Gold" }, defs)).toMatchObject({ ok: false });
    expect(checkSetAttribute({ attribute: "fax", value: "123" }, defs)).toMatchObject({ ok: false, reason: expect.stringContaining("archived") });
  });

  it("defines a new attribute within the limit and with a readable name", () => {
    expect(checkSetAttribute({ attribute: "shoe_size", value: "42", define: { type: "number", options: [] } }, defs)).toMatchObject({
      ok: true,
      value: { define: { name: "shoe_size", type: "number", options: [] } },
    });
    expect(checkSetAttribute({ attribute: "Shoe size", value: "42", define: { type: "number", options: [] } }, defs).ok).toBe(false);
    expect(checkSetAttribute({ attribute: "tier", value: "A", define: { type: "list", options: [] } }, defs).ok).toBe(false);
    const twenty = Array.from({ length: 20 }, (_, i) => ({ name: `f${i}`, label: `F${i}`, type: "text", options: [], archived: false }));
    expect(checkSetAttribute({ attribute: "extra", value: "x", define: { type: "text", options: [] } }, twenty)).toEqual({
      ok: false,
      reason: "A workspace can have at most 20 attributes; archive one first.",
    });
    // Archived attributes do not count towards the limit.
    const withArchived = twenty.map((d, i) => (i === 0 ? { ...d, archived: true } : d));
    expect(checkSetAttribute({ attribute: "extra", value: "x", define: { type: "text", options: [] } }, withArchived).ok).toBe(true);
    expect(checkSetAttribute({ attribute: "email", value: "x", define: { type: "number", options: [] } }, defs)).toMatchObject({
      ok: false,
      reason: "“Email” already exists, with the type email.",
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
