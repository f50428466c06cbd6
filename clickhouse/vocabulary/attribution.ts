/**
 * The attribution window of a conversions report: a conversion belongs to the
 * campaign the contact last had delivered at or before it (last touch) when it
 * comes within this many days of that delivery. Shared by the server's input
 * and the pickers of the campaign page and list.
 */
export const DEFAULT_ATTRIBUTION_DAYS = 7;
export const MIN_ATTRIBUTION_DAYS = 1;
export const MAX_ATTRIBUTION_DAYS = 30;
