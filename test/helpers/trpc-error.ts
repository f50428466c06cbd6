import { TRPCError } from "@trpc/server";
import { expect } from "vitest";

/** The TRPCError a call rejects with (fails the test when it resolves or throws something else). */
export async function trpcError(call: Promise<unknown>): Promise<TRPCError> {
  const err = await call.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TRPCError);
  return err as TRPCError;
}
