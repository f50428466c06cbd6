import { randomBytes } from "node:crypto";
import type { Store } from "@/clickhouse/client";
import { findUserByEmail, type UserRow } from "@/clickhouse/queries/users";
import { hashPassword, verifyPassword } from "./password";
import { signInMessage, type SignInProblem } from "./sign-in-messages";
import { signInThrottle, type SignInThrottle } from "./sign-in-throttle";

export type SignInResult =
  | { ok: true; user: UserRow }
  | { ok: false; status: 400 | 401 | 429; problem: SignInProblem; message: string };

/**
 * What an unknown email's password is checked against: a real bcrypt hash
 * of the same cost as every account's, so an unknown email takes as long to
 * refuse as a wrong password does and the timing does not say who has an
 * account. Made once, when the module loads, not on the first unknown email.
 */
const decoyHash = hashPassword(randomBytes(16).toString("hex"));

function refused(status: 400 | 401 | 429, problem: SignInProblem): SignInResult {
  return { ok: false, status, problem, message: signInMessage(problem) };
}

/**
 * Checks an email and password, throttled (server/auth/sign-in-throttle.ts).
 * `verify` is the password check, replaceable so a test can see which hashes
 * were compared.
 */
export async function signInWithPassword(
  store: Store,
  attempt: { email: string; password: string; clientAddress: string },
  deps: { throttle?: SignInThrottle; verify?: (password: string, hash: string) => Promise<boolean> } = {},
): Promise<SignInResult> {
  const throttle = deps.throttle ?? signInThrottle();
  const verify = deps.verify ?? verifyPassword;
  const email = attempt.email.trim().toLowerCase();
  if (!email || !attempt.password) return refused(400, { kind: "missing" });

  const refusal = throttle.refusal(email, attempt.clientAddress);
  if (refusal) return refused(429, { kind: "throttled", ...refusal });

  // bcrypt reads 72 bytes at most; a longer "password" is only a way to make the server work harder.
  const password = attempt.password.slice(0, 1024);
  const user = email.length <= 320 ? await findUserByEmail(store, email) : null;
  const matches = await verify(password, user?.password_hash ?? (await decoyHash));
  if (!user || !matches) {
    throttle.recordFailure(email, attempt.clientAddress);
    return refused(401, { kind: "credentials" });
  }
  throttle.recordSuccess(email);
  return { ok: true, user };
}
