import { describe, expect, it } from "vitest";
import { mergeScopes, touchedScope, type RefreshScope } from "@/clickhouse/queries/read-models";

const round = (rows: Array<[contact: string, campaign: string, type: string, ts: string]>) =>
  touchedScope(rows.map(([contact, campaign_id, type, ts]) => ({ contact, campaign_id, type, ts })));

describe("refresh scopes shared by several rounds", () => {
  it("covers every contact, recipient and 'since' of both rounds, from the earlier of their times", () => {
    const first = round([
      ["+1", "c1", "message.status", "2026-12-01 10:00:00.000"],
      ["+2", "", "message.inbound", "2026-12-01 12:00:00.000"],
      ["+2", "", "intervention.requested", "2026-12-01 12:00:00.000"],
    ]);
    const second = round([
      ["+1", "c1", "message.status", "2026-12-01 11:00:00.000"],
      ["+3", "c2", "message.outbound", "2026-12-01 09:00:00.000"],
      ["+3", "", "message.inbound", "2026-12-01 09:30:00.000"],
      ["+4", "", "contact.opted_out", "2026-12-01 08:00:00.000"],
    ]);
    const merged = mergeScopes(first, second) as Exclude<RefreshScope, { all: true }>;
    expect(merged.contacts.sort()).toEqual(["+1", "+2", "+3", "+4"]);
    expect(merged.recipients.sort()).toEqual([
      ["c1", "+1"],
      ["c2", "+3"],
    ]);
    const at = (ts: string) => Date.parse(`${ts.replace(" ", "T")}Z`) / 1000;
    expect({ ...merged.inbound, contacts: merged.inbound.contacts.sort() }).toEqual({ contacts: ["+2", "+3"], since: at("2026-12-01 09:30:00.000") });
    expect(merged.conversing?.since).toBe(at("2026-12-01 09:30:00.000"));
    // Only the first round had a control event, the second's empty list does not pull its time in.
    expect(merged.controls).toEqual({ contacts: ["+2"], since: at("2026-12-01 12:00:00.000") });
    expect(merged.optOuts).toEqual({ contacts: ["+4"], since: at("2026-12-01 08:00:00.000") });
    // Only a tag, attribute or opt event makes those parts of a contact's row be read again.
    expect(merged.opted).toEqual(["+4"]);
    // A status or a campaign message has the campaign's billable messages counted again; a reply tied to it does not.
    expect(merged.billed?.sort()).toEqual(["c1", "c2"]);
    expect(round([["+7", "c3", "message.inbound", "2026-12-01 08:00:00.000"]])).toMatchObject({ billed: [] });
    expect(mergeScopes(round([["+5", "", "tag.removed", "2026-12-01 08:00:00.000"]]), round([["+6", "", "attribute.set", "2026-12-01 08:00:00.000"]])))
      .toMatchObject({ tagged: ["+5"], attributed: ["+6"], opted: [] });
  });

  it("names for conversions only the contacts whose conversions or recipients a round can change, in both rounds", () => {
    const tags = round([
      ["+1", "", "contact.imported", "2026-12-01 10:00:00.000"],
      ["+1", "", "tag.added", "2026-12-01 10:00:00.000"],
      ["+2", "", "attribute.set", "2026-12-01 10:00:00.000"],
    ]) as Exclude<RefreshScope, { all: true }>;
    expect(tags.converting).toEqual([]);
    const messages = round([
      ["+1", "", "conversion", "2026-12-01 10:00:00.000"],
      ["+2", "c1", "message.status", "2026-12-01 10:00:00.000"],
      ["+3", "", "message.inbound", "2026-12-01 10:00:00.000"],
      ["+4", "", "contact.opted_out", "2026-12-01 10:00:00.000"],
      ["+5", "", "agent.intervened", "2026-12-01 10:00:00.000"],
    ]) as Exclude<RefreshScope, { all: true }>;
    expect(messages.converting?.sort()).toEqual(["+1", "+2", "+3", "+4"]);
    const merged = mergeScopes(tags, messages) as Exclude<RefreshScope, { all: true }>;
    expect(merged.converting?.sort()).toEqual(["+1", "+2", "+3", "+4"]);
    // A scope without the list (every contact) keeps the shared one without it.
    const { converting: _, ...everyContact } = tags;
    expect((mergeScopes(everyContact, messages) as Exclude<RefreshScope, { all: true }>).converting).toBeUndefined();
  });

  it("keeps a whole-workspace rebuild whole, and a round needing no refresh adds nothing", () => {
    const some = round([["+1", "", "message.inbound", "2026-12-01 10:00:00.000"]]);
    expect(mergeScopes(some, { all: true })).toEqual({ all: true });
    expect(mergeScopes({ all: true }, some)).toEqual({ all: true });
    expect(mergeScopes(null, some)).toBe(some);
    expect(mergeScopes(some, null)).toBe(some);
    expect(mergeScopes(null, null)).toBeNull();
  });
});
