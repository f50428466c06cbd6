import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";

/**
 * A rule of the domain that refused a change ("the last admin stays", "that
 * is not your current password"), with the answer code and a message a
 * person can act on. Domain code throws it without knowing about tRPC; the
 * tRPC error path (server/trpc/init.ts) turns it into that error, once for
 * every procedure.
 */
export class RuleError extends Error {
  constructor(
    readonly code: Extract<TRPC_ERROR_CODE_KEY, "BAD_REQUEST" | "UNAUTHORIZED" | "NOT_FOUND" | "CONFLICT" | "PRECONDITION_FAILED" | "TOO_MANY_REQUESTS">,
    message: string,
  ) {
    super(message);
    this.name = "RuleError";
  }
}
