import { initTRPC, TRPCError } from "@trpc/server";
import type { Session } from "next-auth";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { Store } from "@/clickhouse/client";
import { getMembership } from "@/clickhouse/queries/workspaces";
import { internalErrorMessage, logInternalError } from "../internal-error";
import { TEMPORARY_PASSWORD_MESSAGE } from "../auth/password-rules";
import { RuleError } from "../auth/rule-error";
import { roleAllows, roleSchema, type Role } from "../auth/roles";

export interface Context {
  session: Pick<Session, "user"> | null;
  store: Store;
  /**
   * Sets a cookie on the answer, when there is one to set it on (HTTP; not a
   * server component's in-process call): a password change gives this
   * browser a new session while ending every other.
   */
  setCookie?: (setCookieHeader: string) => void;
  /**
   * The membership reads of one HTTP request, by workspace: a page's batch of
   * ten reports checks its member once, not ten times in the pool's queue
   * beside the reports themselves. Absent, each call reads its own.
   */
  memberships?: Map<string, ReturnType<typeof getMembership>>;
}

/**
 * An unexpected failure as the caller sees it: INTERNAL_SERVER_ERROR with a
 * request id to quote and nothing else; the original (a ClickHouse error's
 * text, a stack) went to the server log under that id.
 */
class InternalError extends TRPCError {
  constructor(readonly requestId: string) {
    super({ code: "INTERNAL_SERVER_ERROR", message: internalErrorMessage(requestId) });
  }
}

/**
 * `error` as it may leave the server: a domain rule's refusal becomes its own
 * code and message; anything else unexpected is logged and replaced.
 */
function safeError(error: TRPCError, path: string | undefined): TRPCError {
  if (error.cause instanceof RuleError) return new TRPCError({ code: error.cause.code, message: error.cause.message, cause: error.cause });
  if (error.code !== "INTERNAL_SERVER_ERROR" || error instanceof InternalError) return error;
  return new InternalError(logInternalError(`tRPC ${path ?? "request"}`, error.cause ?? error));
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  // The backstop for failures no procedure saw (creating the context, reading the request);
  // the ones inside a procedure were made safe by hideInternalErrors already.
  errorFormatter({ shape, error, path }) {
    const safe = safeError(error, path);
    // No answer carries a stack, in development either.
    const { stack: _stack, ...data } = shape.data;
    const zodError = safe.cause instanceof ZodError ? z.flattenError(safe.cause) : null;
    const requestId = safe instanceof InternalError ? safe.requestId : undefined;
    return { ...shape, message: safe.message, data: { ...data, zodError, requestId } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * A bad input's message reads "to: use a date like 2026-11-23" rather than
 * zod's JSON dump, for server-side callers as much as for HTTP clients.
 */
const readableInputErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.code === "BAD_REQUEST" && result.error.cause instanceof ZodError) {
    result.error.message = result.error.cause.issues
      .map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
      .join("; ");
  }
  return result;
});

/**
 * Outermost, so it sees every failure of the procedure and its middlewares:
 * server-side callers get the same safe error an HTTP client does.
 */
const hideInternalErrors = t.middleware(async ({ path, next }) => {
  const result = await next();
  if (!result.ok) {
    const safe = safeError(result.error, path);
    if (safe !== result.error) throw safe;
  }
  return result;
});

/** Anyone, signed in or not. */
export const publicProcedure = t.procedure.use(hideInternalErrors).use(readableInputErrors);

/** A signed-in person, even one who must still replace a temporary password: their own account only. */
export const accountProcedure = publicProcedure.use(({ ctx, next }) => {
  const userId = ctx.session?.user?.id;
  if (!userId) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return next({ ctx: { ...ctx, userId } });
});

/**
 * A signed-in person with a password of their own. An invitation's temporary
 * password was seen by the admin who sent it, so until it is replaced the
 * account can do nothing else.
 */
export const authedProcedure = accountProcedure.use(({ ctx, next }) => {
  if (ctx.session?.user?.mustChangePassword) throw new TRPCError({ code: "FORBIDDEN", message: TEMPORARY_PASSWORD_MESSAGE });
  return next();
});

const workspaceInput = z.object({ workspaceId: z.string().min(1).max(64) });

/**
 * A member of the workspace named in the input. The middleware checks the
 * membership and puts the workspace id, the role and the workspace's time zone
 * (every day and hour a report cuts is the zone's) into the context, in one
 * read; routers use ctx.workspace and never trust the raw input's id on their own.
 */
export const workspaceProcedure = authedProcedure.input(workspaceInput).use(async ({ ctx, input, next }) => {
  let read = ctx.memberships?.get(input.workspaceId);
  if (!read) {
    read = getMembership(ctx.store, input.workspaceId, ctx.userId);
    ctx.memberships?.set(input.workspaceId, read);
  }
  const membership = await read;
  const parsedRole = roleSchema.safeParse(membership?.role);
  // Not a member and no such workspace look the same: nothing leaks across tenants.
  if (!membership || !parsedRole.success) throw new TRPCError({ code: "NOT_FOUND", message: "No such workspace." });
  return next({ ctx: { ...ctx, workspace: { id: input.workspaceId, role: parsedRole.data, timeZone: membership.timeZone } } });
});

/** A member whose role is one of `roles`. */
export function workspaceProcedureFor(roles: readonly Role[]) {
  return workspaceProcedure.use(({ ctx, next }) => {
    if (!roleAllows(ctx.workspace.role, roles)) {
      throw new TRPCError({
        code: "FORBIDDEN",
        message: `Your role (${ctx.workspace.role}) cannot do this; ask a workspace ${roles.join(" or ")}.`,
      });
    }
    return next();
  });
}
