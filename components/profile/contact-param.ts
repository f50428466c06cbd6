import { e164 } from "@/server/events/schema";

/**
 * The contact of a profile URL: an E.164 phone, URL-encoded (%2B919812345678).
 * A link typed by hand may have lost the plus or carry spaces; when the digits
 * still make an E.164 number, that number is offered rather than guessed.
 */
export function readContactParam(
  param: string,
): { ok: true; contact: string } | { ok: false; raw: string; suggestion: string | null } {
  let raw = param;
  try {
    raw = decodeURIComponent(param);
  } catch {
    // A stray % is not an encoding; read the text as it is.
  }
  raw = raw.trim();
  if (e164.safeParse(raw).success) return { ok: true, contact: raw };
  const digits = raw.replace(/[\s().-]/g, "").replace(/^00/, "+");
  const candidate = digits.startsWith("+") ? digits : `+${digits}`;
  return { ok: false, raw, suggestion: e164.safeParse(candidate).success ? candidate : null };
}
