import { createSerializer } from "nuqs/server";
import { describe, expect, it } from "vitest";
import { breakdownOf, drillOf, groupOf, groupParams, listParsers, loadList, loadReport, reportParsers } from "@/components/campaigns/search-params";
import { contactsParsers, contactsStateOf, loadContacts } from "@/components/contacts/search-params";
import { DEFAULT_VISIBLE } from "@/components/contacts/url-state";
import { loadRange, rangeOfUrl, rangeParsers, selectionOf, paramsOf } from "@/components/ui/range/search-params";
import { resolveRange, todayIn } from "@/components/ui/range/range";
import { journeyInput, loadJourney } from "@/components/profile/search-params";
import { loadUnresolved } from "@/components/unresolved/search-params";

/**
 * The pages' URL parsers (nuqs) read the links people already shared the way
 * the hand-written readers they replace did, and a value that does not parse
 * opens the default view instead of failing.
 */

describe("Contacts URL", () => {
  it("reads a shared link with every filter, sort, page and column as before", () => {
    const state = contactsStateOf(
      loadContacts("?q=asha&status=requesting&source=organic&tag=vip&sort=name.asc&page=2&size=50&cols=phone,name,status"),
    );
    expect(state).toEqual({
      q: "asha",
      status: "requesting",
      source: "organic",
      tag: "vip",
      sort: "name",
      desc: false,
      page: 2,
      size: 50,
      cols: ["phone", "name", "status"],
    });
  });

  it("reads nonsense as the defaults, never as a crash", () => {
    const state = contactsStateOf(loadContacts("?page=abc&size=33&sort=bogus.asc&status=nope&cols=zzz,&source="));
    expect(state).toEqual({ q: "", status: undefined, source: undefined, tag: undefined, sort: "lastActive", desc: true, page: 1, size: 25, cols: DEFAULT_VISIBLE });
    expect(contactsStateOf(loadContacts("?page=0")).page).toBe(1);
    expect(contactsStateOf(loadContacts("?page=-3")).page).toBe(1);
    expect(contactsStateOf(loadContacts("?page=2.5")).page).toBe(1);
  });

  it("keeps the phone column and the table's order whatever a link lists, and a bare sort column sorts descending", () => {
    const state = contactsStateOf(loadContacts("?cols=status,name&sort=firstSeen"));
    expect(state.cols).toEqual(["phone", "name", "status"]);
    expect([state.sort, state.desc]).toEqual(["firstSeen", true]);
  });

  it("writes the same link shape it reads: defaults left out, commas unencoded", () => {
    const serialize = createSerializer(contactsParsers);
    expect(serialize({ q: "asha", status: "requesting", sort: { column: "name", desc: false }, page: 2, size: 50, cols: ["phone", "name", "status"] })).toBe(
      "?q=asha&status=requesting&sort=name.asc&page=2&size=50&cols=phone,name,status",
    );
    expect(serialize({ q: "", sort: { column: "lastActive", desc: true }, page: 1, size: 25, cols: [...DEFAULT_VISIBLE] })).toBe("");
  });
});

describe("Report range URL", () => {
  it("reads a preset, and a custom range that wins over it", () => {
    expect(selectionOf(loadRange("?range=7d"))).toEqual({ kind: "preset", days: 7 });
    expect(selectionOf(loadRange("?range=7d&from=2026-01-01&to=2026-01-31"))).toEqual({ kind: "custom", from: "2026-01-01", to: "2026-01-31" });
  });

  it("reads an unknown preset or an impossible day as the 30-day default", () => {
    for (const bad of ["?range=8d", "?range=abc", "?from=2026-02-30&to=2026-03-01", "?from=2026-01-01", "?from=yesterday&to=today"]) {
      expect(selectionOf(loadRange(bad)), bad).toEqual({ kind: "preset", days: 30 });
    }
  });

  it("gives a server page the days its view will ask for, in the workspace's zone, and none for a range the view refuses", () => {
    const zone = "Pacific/Kiritimati";
    for (const link of ["", "?range=7d", "?range=90d", "?range=bogus", "?from=2026-10-01&to=2026-10-31"]) {
      // The view's own steps: the URL's selection, then its days in the zone (overview-view.tsx).
      expect(rangeOfUrl(Object.fromEntries(new URLSearchParams(link)), zone)).toEqual(resolveRange(selectionOf(loadRange(link)), todayIn(zone)));
    }
    expect(rangeOfUrl({ from: "2026-10-31", to: "2026-10-01" }, zone)).toBeNull();
  });

  it("writes `range=` for a preset and `from=&to=` for a custom range, as before", () => {
    const serialize = createSerializer(rangeParsers);
    expect(serialize(paramsOf({ kind: "preset", days: 90 }))).toBe("?range=90d");
    expect(serialize(paramsOf({ kind: "custom", from: "2026-01-01", to: "2026-01-31" }))).toBe("?from=2026-01-01&to=2026-01-31");
  });
});

describe("Campaigns URLs", () => {
  it("reads the list's search, sort, page, size and comparison", () => {
    expect(loadList("?q=sale&sort=readRate.asc&page=2&size=50&cmp=a,b")).toEqual({
      q: "sale",
      sort: { column: "readRate", desc: false },
      page: 2,
      size: 50,
      cmp: ["a", "b"],
      attribution: 7,
    });
    expect(loadList("?page=2abc&size=10&sort=evil.desc")).toEqual({ q: "", sort: { column: "sentAt", desc: true }, page: 1, size: 25, cmp: [], attribution: 7 });
    expect(createSerializer(listParsers)({ q: "sale", sort: { column: "readRate", desc: false }, page: 2 })).toBe("?q=sale&sort=readRate.asc&page=2");
  });

  it("reads a report's drill-down into an error code and a breakdown cell", () => {
    const p = loadReport("?window=24&by=attribute&attr=plan&stage=failed&code=131026&page=2&size=50&g=source&gv=import%3Afair");
    expect(p.window).toBe(24);
    expect(breakdownOf(p)).toEqual({ dimension: "attribute", attribute: "plan" });
    expect(drillOf(p)).toEqual({ stage: "failed", errorCode: 131026, group: { dimension: "source", value: "import:fair" }, page: 2, size: 50 });
    expect(groupOf(loadReport("?g=source&gad=1"))).toEqual({ dimension: "source", value: "", ad: true });
    expect(groupOf(loadReport("?g=attribute&gv=pro&ga=plan"))).toEqual({ dimension: "attribute", attribute: "plan", value: "pro" });
  });

  it("refuses a reply window outside the server's bounds, an error code on another stage and a nameless attribute", () => {
    for (const w of ["0", "721", "abc", "24.5", "1e2"]) expect(loadReport(`?window=${w}`).window, w).toBe(72);
    expect(loadReport("?attribution=14").attribution).toBe(14);
    expect(loadList("?attribution=14").attribution).toBe(14);
    for (const d of ["0", "abc", "9999"]) expect(loadList(`?attribution=${d}`).attribution, d).toBe(7);
    expect(drillOf(loadReport("?stage=read&code=131026")).errorCode).toBeUndefined();
    expect(drillOf(loadReport("?stage=nope")).stage).toBeNull();
    expect(breakdownOf(loadReport("?by=attribute"))).toEqual({ dimension: "tag" });
    expect(groupOf(loadReport("?g=tag"))).toBeUndefined();
  });

  it("writes a breakdown cell back into the keys it was read from", () => {
    const serialize = createSerializer(reportParsers);
    const group = { dimension: "attribute" as const, attribute: "plan", value: "pro & co" };
    const url = serialize({ stage: "read", ...groupParams(group) });
    expect(groupOf(loadReport(url))).toEqual(group);
  });
});

describe("Unresolved and profile URLs", () => {
  it("reads the request search, its page and the sources breakdown", () => {
    expect(loadUnresolved("?q=refund&asked=3&by=source")).toEqual({ q: "refund", asked: 3, by: "source" });
    expect(loadUnresolved("?asked=-2&by=everything")).toEqual({ q: "", asked: 1, by: "firstMessageTag" });
  });

  it("reads the journey's filter, ignoring unknown groups, and keeps ?at= as written for the page to judge", () => {
    expect(loadJourney("?types=tags,bogus,attributes&at=2026-10-01")).toEqual({ types: ["tags", "attributes"], at: "2026-10-01" });
    expect(loadJourney("?at=2026-10-01T09:30:00.000Z").at).toBe("2026-10-01T09:30:00.000Z");
  });

  it("asks for the journey's first page with the filter's types in the journey's order, and without a date it cannot read", () => {
    expect(journeyInput("ws", "+919800000001", loadJourney("?types=attributes,tags&at=2026-10-01"))).toEqual({
      workspaceId: "ws",
      contact: "+919800000001",
      types: ["tag.added", "tag.removed", "attribute.set"],
      at: "2026-10-01",
      limit: 50,
    });
    expect(journeyInput("ws", "+919800000001", loadJourney("?at=yesterday")).at).toBeUndefined();
  });
});
