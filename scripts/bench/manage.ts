/**
 * What Manage and the pickers read for scripts/bench.ts, none of it in the
 * issue's table of screens but each a screen people open: how many contacts
 * carry each attribute and each tag (Manage → Attributes, Manage → Tags), the
 * segment builder's choices, and the Contacts page's filter choices.
 */
import type { Store } from "@/clickhouse/client";
import { countContactsByAttribute } from "@/clickhouse/queries/attributes";
import { sourceOptions, tagOptions } from "@/clickhouse/queries/contact-list-options";
import { conversionVocabulary } from "@/clickhouse/queries/conversions";
import { segmentVocabulary } from "@/clickhouse/queries/segments/vocabulary";
import { countContactsByTag } from "@/clickhouse/queries/tags";
import type { BenchQuery } from "./stats";

export function manageBenchQueries(store: Store, workspaceId: string): BenchQuery[] {
  const group = "manage";
  return [
    { group, name: "attributes with their contacts", run: () => countContactsByAttribute(store, workspaceId) },
    { group, name: "tags with their contacts", run: () => countContactsByTag(store, workspaceId) },
    {
      group,
      name: "segment builder's choices",
      run: () => Promise.all([segmentVocabulary(store, workspaceId), conversionVocabulary(store, workspaceId)]),
    },
    { group, name: "contacts filter choices", run: () => Promise.all([sourceOptions(store, workspaceId), tagOptions(store, workspaceId)]) },
  ];
}
