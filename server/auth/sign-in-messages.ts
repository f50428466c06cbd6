import { waitText } from "./sign-in-throttle";

/**
 * Why a sign-in did not go through. The JSON answer carries the message; a
 * form posted without JavaScript is sent back to /signin with the problem in
 * the query (never the message itself, so no link can make the page say
 * something else), and the page words it with the same function.
 */
export type SignInProblem =
  | { kind: "missing" }
  | { kind: "credentials" }
  | { kind: "throttled"; scope: "account" | "address"; waitMs: number };

export function signInMessage(problem: SignInProblem): string {
  switch (problem.kind) {
    case "missing":
      return "Enter your email and password.";
    case "credentials":
      return "Wrong email or password.";
    case "throttled":
      return problem.scope === "account"
        ? `Too many failed sign-ins for this email address. Try again in ${waitText(problem.waitMs)}.`
        : `Too many failed sign-ins from your network. Try again in ${waitText(problem.waitMs)}.`;
  }
}

/** The query of /signin a form post is sent back with. */
export function problemQuery(problem: SignInProblem): Record<string, string> {
  if (problem.kind !== "throttled") return { error: problem.kind };
  return { error: "throttled", scope: problem.scope, wait: String(Math.ceil(problem.waitMs / 1000)) };
}

/** The problem a /signin query names, or null. */
export function problemFromQuery(q: Record<string, string | string[] | undefined>): SignInProblem | null {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const error = one(q.error);
  if (error === "missing" || error === "credentials") return { kind: error };
  if (error === "throttled") {
    const wait = Number(one(q.wait));
    const scope = one(q.scope) === "address" ? "address" : "account";
    return { kind: "throttled", scope, waitMs: Number.isFinite(wait) && wait > 0 ? Math.min(wait, 3600) * 1000 : 60_000 };
  }
  return null;
}
