import { parsePhoneNumberFromString, isSupportedCountry, type CountryCode } from "libphonenumber-js";

export function isCountryCode(code: string): code is CountryCode {
  return isSupportedCountry(code);
}

/** A phone as written by a person ("098123 45678", "+91 98123-45678") in E.164, or null when it is not a valid number. */
export function toE164(raw: string, defaultCountry?: CountryCode): string | null {
  const trimmed = raw.trim();
  if (!trimmed) return null;
  const parsed = parsePhoneNumberFromString(trimmed, defaultCountry);
  return parsed?.isValid() ? parsed.number : null;
}
