import type { Store } from "@/clickhouse/client";
import { writeNewPassword } from "@/clickhouse/queries/sessions";
import { findUserById, type UserRow } from "@/clickhouse/queries/users";
import { hashPassword, verifyPassword } from "./password";
import { RuleError } from "./rule-error";
import { signInMessage } from "./sign-in-messages";
import { signInThrottle, type SignInThrottle } from "./sign-in-throttle";

/**
 * Replaces an account's password (`next` already meets the rules of
 * password-rules.ts). The current password is required, and wrong guesses
 * count against the same limit as signing in, so a borrowed session cannot be
 * turned into the account. The new password raises the session epoch: every
 * session of the account ends, and the caller gives this browser a new one.
 */
export async function changePassword(
  store: Store,
  userId: string,
  change: { current: string; next: string },
  throttle: SignInThrottle = signInThrottle(),
): Promise<UserRow> {
  const user = await findUserById(store, userId);
  if (!user) throw new RuleError("UNAUTHORIZED", "Sign in to continue.");
  // By account only: the address of a signed-in person's request is not what is being guessed here.
  const refusal = throttle.refusal(user.email, `account:${userId}`);
  if (refusal) throw new RuleError("TOO_MANY_REQUESTS", signInMessage({ kind: "throttled", ...refusal }));
  if (!(await verifyPassword(change.current, user.password_hash))) {
    throttle.recordFailure(user.email, `account:${userId}`);
    throw new RuleError("BAD_REQUEST", "currentPassword: that is not your current password.");
  }
  if (change.next === change.current) {
    throw new RuleError("BAD_REQUEST", "newPassword: choose a password different from the current one.");
  }
  throttle.recordSuccess(user.email);
  return writeNewPassword(store, user, await hashPassword(change.next));
}
