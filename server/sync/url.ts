/**
 * Where a destination may send audiences: HTTPS anywhere; plain HTTP only to
 * this machine (localhost, 127.0.0.1, [::1]) and only where loopback is
 * allowed: outside production (`NODE_ENV` is not `production`), or with
 * `CHATLENS_SYNC_ALLOW_LOOPBACK=1` (the end-to-end tests run the built app).
 * `CHATLENS_SYNC_ALLOW_LOOPBACK=0` refuses it everywhere.
 */

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function loopbackAllowed(env: NodeJS.ProcessEnv = process.env): boolean {
  const flag = env.CHATLENS_SYNC_ALLOW_LOOPBACK?.trim();
  if (flag === "1") return true;
  if (flag === "0") return false;
  return env.NODE_ENV !== "production";
}

/** The problem with `raw` as a destination address, in words, or null when it will do. */
export function destinationUrlProblem(raw: string, env: NodeJS.ProcessEnv = process.env): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return "enter a full address such as https://example.com/chatlens/audiences";
  }
  if (url.username || url.password) return "remove the user name and password from the address; every request is signed with the destination's secret instead";
  if (url.hash) return "remove the #fragment; it is never sent to the server";
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:") {
    if (!LOOPBACK.has(url.hostname)) return "use https:// — audiences carry phone numbers and are only sent encrypted";
    if (!loopbackAllowed(env)) return "this server does not send audiences to itself over http://; use an https:// address";
    return null;
  }
  return `${url.protocol.replace(/:$/, "")} is not a web address; use https://`;
}
