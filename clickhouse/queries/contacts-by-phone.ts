/**
 * The SETTINGS clause of a statement that reads `contacts` rows by phone
 * (`contact = …`, `contact IN …`). The primary key finds those rows; the
 * phone's 3-character text index (contact_grams, 0025) is there for the
 * Contacts search, and the engine would also look up every piece of every
 * phone in it, for nothing: a page of 50 phones is 350 pieces, ~10 ms of CPU
 * at 1M contacts, and the index skipped no granule the key had kept.
 */
export const BY_PHONE_SETTINGS = "SETTINGS ignore_data_skipping_indices = 'contact_grams'";
