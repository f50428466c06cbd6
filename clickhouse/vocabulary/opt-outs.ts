/**
 * Opting out of marketing: the keywords a reply is compared with, and the
 * Meta error that says the same. Pure (no I/O): ingestion, the upgrade's
 * backfill, Manage → WhatsApp and the tests share it.
 *
 * A reply opts out (or back in) only when the WHOLE message is a keyword,
 * compared after normaliseKeyword: "stop" and " STOP " match STOP, "please
 * stop sending" does not, so a conversation that mentions the word never
 * unsubscribes anyone by accident.
 */

/** Meta's "this user stopped marketing messages" error on a failed status. */
export const STOPPED_MARKETING_ERROR = 131050;

/** The defaults a workspace starts with: English, Hindi (Devanagari and the Latin spellings people type) and Spanish. */
export const DEFAULT_OPT_OUT_KEYWORDS = [
  "STOP",
  "STOP ALL",
  "UNSUBSCRIBE",
  "रोकें",
  "रोको",
  "बंद करो",
  "बंद",
  "BAND",
  "BAND KARO",
  "BAJA",
  "ALTO",
  "CANCELAR",
  "DETENER",
] as const;
export const DEFAULT_OPT_IN_KEYWORDS = ["START", "SUBSCRIBE", "शुरू", "शुरू करो", "SHURU", "ALTA", "SUSCRIBIR"] as const;

export const MAX_KEYWORDS = 50;
export const MAX_KEYWORD_LENGTH = 40;

/** Unicode NFKC (full-width letters, ligatures), lower case, trimmed, runs of white space as one space. */
export function normaliseKeyword(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/gu, " ").trim();
}

export interface OptOutKeywords {
  optOut: readonly string[];
  optIn: readonly string[];
}

export const DEFAULT_KEYWORDS: OptOutKeywords = { optOut: DEFAULT_OPT_OUT_KEYWORDS, optIn: DEFAULT_OPT_IN_KEYWORDS };

/** What a whole inbound text says about marketing, with the keyword it matched as configured; null for anything else. */
export function matchOptKeyword(text: string, keywords: OptOutKeywords): { optedOut: boolean; keyword: string } | null {
  // A keyword is short; a long message cannot be one, and is not normalised for nothing.
  if (text.length > MAX_KEYWORD_LENGTH * 4) return null;
  const said = normaliseKeyword(text);
  if (!said) return null;
  const optOut = keywords.optOut.find((k) => normaliseKeyword(k) === said);
  if (optOut) return { optedOut: true, keyword: optOut };
  const optIn = keywords.optIn.find((k) => normaliseKeyword(k) === said);
  return optIn ? { optedOut: false, keyword: optIn } : null;
}

/** Where an opt-out or opt-in came from (the event's `cause`). */
export const OPT_CAUSES = ["keyword", "error_131050", "api"] as const;
export type OptCause = (typeof OPT_CAUSES)[number];

/** The event type of an opt-out in the log. */
export const OPTED_OUT_EVENT = "contact.opted_out";

/** The event type of an opt-in in the log: it ends an opt-out. */
export const OPTED_IN_EVENT = "contact.opted_in";

/** Hours after a campaign's delivery in which an opt-out counts against the campaign. */
export const CAMPAIGN_OPT_OUT_HOURS = 72;
