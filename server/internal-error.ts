import { randomBytes } from "node:crypto";

/**
 * A failure the person asking cannot fix (a ClickHouse error, a bug): its
 * details (engine text, stack) go to the server log under a request id, and
 * the answer names only the id to quote. Engine text and stacks never leave
 * the server. The tRPC procedures (server/trpc/init.ts) and the HTTP routes
 * under app/api all answer through here.
 */

/** Logs `err` under a new request id, naming where it happened; returns the id. */
export function logInternalError(where: string, err: unknown): string {
  const requestId = randomBytes(6).toString("hex");
  console.error(`[chatlens] request ${requestId} failed in ${where}:`, err);
  return requestId;
}

/** What a person is told instead of the details. */
export function internalErrorMessage(requestId: string): string {
  return `Something went wrong on the server. Try again; if it keeps happening, quote request id ${requestId} when you report it.`;
}

/** The HTTP answer to an internal failure: 500 with `{ error, requestId }`. */
export function internalErrorResponse(where: string, err: unknown): Response {
  const requestId = logInternalError(where, err);
  return Response.json({ error: internalErrorMessage(requestId), requestId }, { status: 500 });
}

/** A route handler whose unexpected throws answer through internalErrorResponse rather than as a bare 500. */
export function withInternalErrors<A extends unknown[]>(where: string, handler: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (err) {
      return internalErrorResponse(where, err);
    }
  };
}
