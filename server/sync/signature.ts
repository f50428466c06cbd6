import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * How a receiver knows a request comes from ChatLens and is not a replay:
 * `X-ChatLens-Timestamp` is the sending time in Unix seconds, and
 * `X-ChatLens-Signature` is `sha256=` and the hex HMAC-SHA256, keyed with the
 * destination's secret, of `<timestamp>.<body>`. The receiver recomputes it,
 * compares in constant time, and refuses a timestamp more than 5 minutes off.
 */

export const SIGNATURE_HEADER = "x-chatlens-signature";
export const TIMESTAMP_HEADER = "x-chatlens-timestamp";
/** How far a receiver should accept the timestamp from its own clock. */
export const REPLAY_WINDOW_SECONDS = 300;

/** A new destination's secret: 32 random bytes, shown once. */
export function newSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

export function signBody(secret: string, timestamp: number, body: string | Buffer): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.`).update(body).digest("hex")}`;
}

/** What a receiver does (and the tests do): true when the signature fits and the timestamp is recent. */
export function verifySignature(secret: string, body: string | Buffer, headers: { signature?: string; timestamp?: string }, nowSeconds = Date.now() / 1000): boolean {
  const timestamp = Number(headers.timestamp);
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > REPLAY_WINDOW_SECONDS) return false;
  const expected = Buffer.from(signBody(secret, timestamp, body));
  const given = Buffer.from(headers.signature ?? "");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
