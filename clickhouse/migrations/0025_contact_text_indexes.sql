-- Text indexes on contacts (ClickHouse 26.2 or later), so the Contacts search
-- and the segment rules on tags and attribute values read an index instead
-- of a column of every contact.
--
-- contact_grams, search_text_grams: every 3-character piece of a phone, or of
-- the lower-case name and attribute values (search_text, 0011), mapped to the
-- rows that hold it, so `contact LIKE '%98123%'` reads only the rows with all
-- of its pieces (three, so a three-letter name search is served too). A phone
-- search over a million contacts read 1M phones and search texts (80 ms).
--
-- tags_tokens, attribute_entries: each tag, and each attribute as one
-- "<key length>:<key><value>" entry (ATTRIBUTE_ENTRIES_SQL in
-- clickhouse/queries/segments/compile.ts, which must spell the same
-- expression), mapped to its rows. The engine answers hasAny / hasAll / has
-- over them from the index alone: "tag Lead or Product A" over a million
-- contacts read every tag list (50–110 ms) and "plan is Premium or Enterprise"
-- every attribute map (80 ms); from the index, 15–30 ms.
--
-- Parts written before this migration get their indexes from the
-- MATERIALIZE statements below; until then they are read as before, with the
-- same answers.

ALTER TABLE contacts ${ON_CLUSTER}
    ADD INDEX IF NOT EXISTS contact_grams contact TYPE text(tokenizer = ngrams(3)),
    ADD INDEX IF NOT EXISTS search_text_grams search_text TYPE text(tokenizer = ngrams(3)),
    ADD INDEX IF NOT EXISTS tags_tokens tags TYPE text(tokenizer = array),
    ADD INDEX IF NOT EXISTS attribute_entries arrayMap((k, v) -> concat(toString(length(k)), ':', k, v), mapKeys(attributes), mapValues(attributes)) TYPE text(tokenizer = array);

ALTER TABLE contacts ${ON_CLUSTER} MATERIALIZE INDEX contact_grams;

ALTER TABLE contacts ${ON_CLUSTER} MATERIALIZE INDEX search_text_grams;

ALTER TABLE contacts ${ON_CLUSTER} MATERIALIZE INDEX tags_tokens;

ALTER TABLE contacts ${ON_CLUSTER} MATERIALIZE INDEX attribute_entries
