import { TRPCClientError } from "@trpc/client";

interface ErrorData {
  code?: string;
  zodError?: { formErrors?: string[]; fieldErrors?: Record<string, string[] | undefined> } | null;
}

/** A sentence a person can act on, from whatever a tRPC call failed with. */
export function describeError(err: unknown): string {
  if (!(err instanceof TRPCClientError)) return "Check your connection and try again.";
  const data = err.data as ErrorData | undefined;
  const zod = data?.zodError;
  if (zod) {
    const messages = [...(zod.formErrors ?? []), ...Object.values(zod.fieldErrors ?? {}).flatMap((m) => m ?? [])];
    if (messages.length) return messages.join(" ");
  }
  switch (data?.code) {
    case "UNAUTHORIZED":
      return "Your session has ended. Sign in again to continue.";
    case "NOT_FOUND":
      return "This workspace does not exist, or you are no longer a member of it.";
    case "INTERNAL_SERVER_ERROR":
      // The server's own sentence: try again, and the request id to quote (server/internal-error.ts).
      return err.message || "Something went wrong on the server. Try again in a moment.";
    default:
      return err.message || "Something went wrong. Try again in a moment.";
  }
}
