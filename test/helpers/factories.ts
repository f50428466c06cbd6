import { randomUUID } from "node:crypto";
import type { Store } from "@/clickhouse/client";
import { upsertUser } from "@/clickhouse/queries/users";
import { upsertMembership, upsertWorkspace } from "@/clickhouse/queries/workspaces";
import { hashPassword } from "@/server/auth/password";
import type { Role } from "@/server/auth/roles";
import { createCaller } from "@/server/routers/_app";
import type { Context } from "@/server/trpc/init";

export const TEST_PASSWORD = "correct horse battery staple";

export interface TestMember {
  userId: string;
  email: string;
  role: Role;
}

export interface TestWorkspace {
  workspaceId: string;
  name: string;
  members: TestMember[];
}

export function randomId(prefix: string): string {
  return `${prefix}_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
}

/**
 * A workspace with a random id and its members. An email given is made unique
 * with a random suffix, so tests never collide in a shared store.
 */
export async function createTestWorkspace(
  store: Store,
  opts: { name?: string; timeZone?: string; members?: Array<{ email?: string; role: Role }> } = {},
): Promise<TestWorkspace> {
  const workspaceId = randomId("ws");
  const name = opts.name ?? `Test ${workspaceId}`;
  await upsertWorkspace(store, workspaceId, { name, timeZone: opts.timeZone });
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const members: TestMember[] = [];
  for (const m of opts.members ?? [{ role: "admin" }]) {
    const userId = randomId("user");
    const [local, domain] = (m.email ?? "member@example.test").split("@");
    const email = `${local}+${userId}@${domain ?? "example.test"}`.toLowerCase();
    await upsertUser(store, { userId, email, name: local, passwordHash });
    await upsertMembership(store, workspaceId, userId, m.role);
    members.push({ userId, email, role: m.role });
  }
  return { workspaceId, name, members };
}

/**
 * A tRPC caller as the given user; `null` is a signed-out visitor. With
 * `memberships`, its calls share one HTTP request's membership reads, as the
 * route handler's context does.
 */
export function callerFor(store: Store, userId: string | null, memberships?: Context["memberships"]) {
  // The context needs only the user id; a full next-auth Session is not built here.
  const session = userId ? ({ user: { id: userId } } as any) : null;
  return createCaller({ session, store, memberships });
}
