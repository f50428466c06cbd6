import { z } from "zod";

/**
 * A workspace's time zone: an IANA name ("Asia/Kolkata", "America/Sao_Paulo")
 * or "UTC". Reports cut days and hours in it (dates.ts), the pages show times
 * in it. The zones are the ones the JavaScript runtime knows
 * (`Intl.supportedValuesOf("timeZone")`, which ClickHouse's tzdata holds too:
 * test/integration/time-zone.test.ts), under their current IANA names.
 */

export const DEFAULT_TIME_ZONE = "UTC";

/**
 * ICU lists some zones under the name they had when CLDR adopted them; IANA
 * has renamed them since, and people look for the new name (an Indian
 * business types "Kolkata", not "Calcutta"). Browsers report either.
 */
const RENAMED: Record<string, string> = {
  "Africa/Asmera": "Africa/Asmara",
  "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
  "America/Catamarca": "America/Argentina/Catamarca",
  "America/Coral_Harbour": "America/Atikokan",
  "America/Cordoba": "America/Argentina/Cordoba",
  "America/Godthab": "America/Nuuk",
  "America/Indianapolis": "America/Indiana/Indianapolis",
  "America/Jujuy": "America/Argentina/Jujuy",
  "America/Louisville": "America/Kentucky/Louisville",
  "America/Mendoza": "America/Argentina/Mendoza",
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "Europe/Kiev": "Europe/Kyiv",
  "Pacific/Enderbury": "Pacific/Kanton",
  "Pacific/Ponape": "Pacific/Pohnpei",
  "Pacific/Truk": "Pacific/Chuuk",
};

let zones: readonly string[] | undefined;

/** Every zone a workspace may take, sorted, "UTC" first. */
export function timeZones(): readonly string[] {
  zones ??= [
    DEFAULT_TIME_ZONE,
    ...[...new Set(Intl.supportedValuesOf("timeZone").map((zone) => RENAMED[zone] ?? zone))].filter((zone) => zone !== DEFAULT_TIME_ZONE).sort(),
  ];
  return zones;
}

/** `zone` under its current IANA name when it has been renamed ("Asia/Calcutta" → "Asia/Kolkata"). */
export function currentZoneName(zone: string): string {
  return RENAMED[zone] ?? zone;
}

export function isTimeZone(zone: string): boolean {
  return timeZones().includes(zone);
}

/** A time zone as an input takes it: a known IANA name (an old name is read as its new one) or "UTC". */
export const timeZoneSchema = z
  .string({ error: "the time zone is an IANA name, like Asia/Kolkata or UTC" })
  .trim()
  .transform(currentZoneName)
  .refine(isTimeZone, { error: (issue) => `"${String(issue.input)}" is not a time zone; use an IANA name, like Asia/Kolkata or UTC` });

/** "UTC+05:30", "UTC−03:00", "UTC" at the instant `at`; null when this runtime does not know the zone. */
export function zoneOffsetLabel(zone: string, at: Date = new Date()): string | null {
  try {
    const name = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" })
      .formatToParts(at)
      .find((p) => p.type === "timeZoneName")?.value;
    if (!name) return null;
    // Engines write no offset as "GMT" or "GMT+00:00".
    return /^GMT([+-]00:00)?$/.test(name) ? "UTC" : name.replace("GMT", "UTC").replace("-", "−");
  } catch {
    return null;
  }
}
