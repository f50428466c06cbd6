import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { describe, expect, it } from "vitest";
import { upsertMembership } from "@/clickhouse/queries/workspaces";
import { appRouter } from "@/server/routers/_app";
import type { Store } from "@/clickhouse/client";
import { insertEvents } from "../helpers/events";
import { callerFor, createTestWorkspace, randomId } from "../helpers/factories";
import { useTestStore } from "../helpers/store";
import { trpcError } from "../helpers/trpc-error";
import { removeMembership } from "@/clickhouse/queries/workspaces";

const store = useTestStore();

describe("tenant isolation and input errors", () => {
  it("a member of A cannot read B, and cannot tell B exists", async () => {
    const a = await createTestWorkspace(store(), { members: [{ email: "alice@a.test", role: "admin" }] });
    const b = await createTestWorkspace(store(), { members: [{ email: "bob@b.test", role: "admin" }] });
    await insertEvents(store(), [
      { workspace_id: b.workspaceId, contact: "+919811111111", type: "message.inbound", ts: Date.now() - 60_000 },
    ]);
    const alice = callerFor(store(), a.members[0].userId);

    const existing = await trpcError(alice.overview.summary({ workspaceId: b.workspaceId }));
    expect(existing.code).toBe("NOT_FOUND");
    const missing = await trpcError(alice.overview.summary({ workspaceId: randomId("ws") }));
    expect(missing.code).toBe("NOT_FOUND");
    expect(missing.message).toBe(existing.message);

    await expect(alice.workspaces.current({ workspaceId: b.workspaceId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await alice.workspaces.mine()).map((w) => w.workspaceId)).toEqual([a.workspaceId]);

    // Bob sees his own data.
    const bob = callerFor(store(), b.members[0].userId);
    expect((await bob.overview.summary({ workspaceId: b.workspaceId })).contacts.total).toBe(1);
    expect((await alice.overview.summary({ workspaceId: a.workspaceId })).contacts.total).toBe(0);
  });

  it("a member of both sees each with their own role", async () => {
    const a = await createTestWorkspace(store(), { members: [{ role: "analyst" }] });
    const b = await createTestWorkspace(store(), { members: [{ role: "admin" }] });
    await upsertMembership(store(), b.workspaceId, a.members[0].userId, "marketer");
    const caller = callerFor(store(), a.members[0].userId);
    expect(await caller.workspaces.current({ workspaceId: a.workspaceId })).toEqual({ workspaceId: a.workspaceId, role: "analyst", timeZone: "UTC" });
    expect(await caller.workspaces.current({ workspaceId: b.workspaceId })).toEqual({ workspaceId: b.workspaceId, role: "marketer", timeZone: "UTC" });
  });

  it("a removed member loses access", async () => {
    const a = await createTestWorkspace(store(), { members: [{ role: "admin" }, { role: "analyst" }] });
    const analyst = a.members[1];
    const caller = callerFor(store(), analyst.userId);
    await caller.overview.summary({ workspaceId: a.workspaceId });
    await removeMembership(store(), a.workspaceId, analyst.userId);
    expect((await trpcError(caller.overview.summary({ workspaceId: a.workspaceId }))).code).toBe("NOT_FOUND");
  });

  it("checks the member once per request, for every report of a page's batch alike", async () => {
    const a = await createTestWorkspace(store(), { members: [{ role: "analyst" }] });
    const b = await createTestWorkspace(store());
    const reads: string[] = [];
    const counting: Store = {
      ...store(),
      query: (sql, params, options) => {
        reads.push(options.report);
        return store().query(sql, params, options);
      },
    };
    // One HTTP request's context (app/api/trpc/[trpc]/route.ts), as a batch of a page's reports shares it.
    const request = callerFor(counting, a.members[0].userId, new Map());
    const range = { workspaceId: a.workspaceId, from: "2026-11-01", to: "2026-11-30" };
    await Promise.all([request.unresolved.volume(range), request.unresolved.speed(range), request.overview.summary(range), request.workspaces.current(range)]);
    expect(reads.filter((r) => r === "workspaces:membership")).toHaveLength(1);
    // Another workspace of the same request is read on its own, and refused alike for every call.
    const refused = await Promise.all([trpcError(request.overview.summary({ workspaceId: b.workspaceId })), trpcError(request.unresolved.volume({ ...range, workspaceId: b.workspaceId }))]);
    expect(refused.map((e) => e.code)).toEqual(["NOT_FOUND", "NOT_FOUND"]);
    expect(reads.filter((r) => r === "workspaces:membership")).toHaveLength(2);
  });

  it("a signed-out caller gets UNAUTHORIZED, before any input check", async () => {
    const a = await createTestWorkspace(store());
    const anonymous = callerFor(store(), null);
    expect((await trpcError(anonymous.overview.summary({ workspaceId: a.workspaceId }))).code).toBe("UNAUTHORIZED");
    expect((await trpcError(anonymous.overview.summary({ workspaceId: a.workspaceId, from: "junk" }))).code).toBe("UNAUTHORIZED");
    expect((await trpcError(anonymous.workspaces.mine())).code).toBe("UNAUTHORIZED");
  });

  it("a bad date is a BAD_REQUEST that says what to type", async () => {
    const a = await createTestWorkspace(store());
    const caller = callerFor(store(), a.members[0].userId);

    const notADate = await trpcError(caller.overview.summary({ workspaceId: a.workspaceId, from: "23/11/2026" }));
    expect(notADate.code).toBe("BAD_REQUEST");
    expect(notADate.message).toContain("use a date like 2026-11-23");
    expect(notADate.message).not.toMatch(/ClickHouse|Code: \d+|DB::Exception/);

    const impossible = await trpcError(caller.overview.summary({ workspaceId: a.workspaceId, to: "2026-02-30" }));
    expect(impossible.code).toBe("BAD_REQUEST");

    const backwards = await trpcError(caller.overview.summary({ workspaceId: a.workspaceId, from: "2026-03-02", to: "2026-03-01" }));
    expect(backwards.code).toBe("BAD_REQUEST");
    expect(backwards.message).toContain("the start date must be on or before the end date");

    const tooLong = await trpcError(caller.overview.summary({ workspaceId: a.workspaceId, from: "2024-01-01", to: "2026-01-01" }));
    expect(tooLong.code).toBe("BAD_REQUEST");
    expect(tooLong.message).toContain("at most 366 days");
  });

  it("over HTTP, a bad date names the field and the fix for the form to show", async () => {
    const a = await createTestWorkspace(store());
    const input = encodeURIComponent(JSON.stringify({ json: { workspaceId: a.workspaceId, from: "23/11/2026" } }));
    const res = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req: new Request(`http://test/api/trpc/overview.summary?input=${input}`),
      router: appRouter,
      createContext: async () => ({ session: { user: { id: a.members[0].userId } } as any, store: store() }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { json: { data: { code: string; zodError: unknown } } } };
    expect(body.error.json.data.code).toBe("BAD_REQUEST");
    expect(body.error.json.data.zodError).toEqual({ formErrors: [], fieldErrors: { from: ["use a date like 2026-11-23"] } });
  });

  it("a non-member with a bad date still gets NOT_FOUND, not a validation hint", async () => {
    const a = await createTestWorkspace(store());
    const b = await createTestWorkspace(store());
    const caller = callerFor(store(), a.members[0].userId);
    expect((await trpcError(caller.overview.summary({ workspaceId: b.workspaceId, from: "junk" }))).code).toBe("NOT_FOUND");
  });

  it("a malformed workspace id is a BAD_REQUEST, not a store error", async () => {
    const a = await createTestWorkspace(store());
    const caller = callerFor(store(), a.members[0].userId);
    expect((await trpcError(caller.overview.summary({ workspaceId: "" }))).code).toBe("BAD_REQUEST");
    expect((await trpcError(caller.overview.summary({ workspaceId: "x".repeat(65) }))).code).toBe("BAD_REQUEST");
  });
});
