/**
 * The setting a statement that reads `contacts` rows by phone (`contact = …`,
 * `contact IN …`) carries. The primary key finds those rows; the phone's
 * 3-character text index (contact_grams, 0025) is there for the Contacts
 * search, and the engine would also look up every piece of every phone in it,
 * for nothing: a page of 50 phones is 350 pieces, ~10 ms of CPU at 1M
 * contacts, and the index skipped no granule the key had kept. For the 50,000
 * contacts of an ingestion round's refresh it was 3.3 s of a 3.5 s read.
 */
export const SKIP_PHONE_GRAMS = "ignore_data_skipping_indices = 'contact_grams'";
export const BY_PHONE_SETTINGS = `SETTINGS ${SKIP_PHONE_GRAMS}`;
