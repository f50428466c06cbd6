"use client";

import { broadcastTagLabel, BROADCAST_TAG_PREFIX } from "@/clickhouse/vocabulary/broadcast-tag";
import { Select } from "@/components/ui/select";
import styles from "./segments.module.css";

export interface Option {
  value: string;
  label: string;
  /** Options with a group are listed under it (an <optgroup>), in the order the groups first appear. */
  group?: string;
}

/**
 * Chosen values as removable chips, and a picker that adds one more. Values
 * that are not among the options (a tag since removed, say) still show, so a
 * saved filter never changes silently.
 */
export function MultiSelect({
  label,
  values,
  options,
  onChange,
  placeholder = "Add…",
  emptyText,
}: {
  label: string;
  values: string[];
  options: readonly Option[];
  onChange: (next: string[]) => void;
  placeholder?: string;
  /** Shown when nothing is chosen (e.g. "any campaign"). */
  emptyText?: string;
}) {
  const labelOf = (v: string) => options.find((o) => o.value === v)?.label ?? v;
  const rest = options.filter((o) => !values.includes(o.value));
  return (
    <span className={styles.multi} role="group" aria-label={label}>
      {values.map((v) => (
        <span key={v} className={styles.chip}>
          {labelOf(v)}
          <button type="button" aria-label={`Remove ${labelOf(v)} from ${label}`} onClick={() => onChange(values.filter((x) => x !== v))}>
            ×
          </button>
        </span>
      ))}
      {values.length === 0 && emptyText ? <span className={styles.emptyChoice}>{emptyText}</span> : null}
      {rest.length ? (
        <Select
          label={`Add to ${label}`}
          hideLabel
          compact
          adds
          value=""
          onChange={(e) => {
            if (e.target.value) onChange([...values, e.target.value]);
          }}
        >
          <option value="">{placeholder}</option>
          {groupsOf(rest).map(([group, members]) =>
            group ? (
              <optgroup key={group} label={group}>
                {members.map(optionOf)}
              </optgroup>
            ) : (
              members.map(optionOf)
            ),
          )}
        </Select>
      ) : null}
    </span>
  );
}

const optionOf = (o: Option) => (
  <option key={o.value} value={o.value}>
    {o.label}
  </option>
);

function groupsOf(options: readonly Option[]): Array<[string, Option[]]> {
  const groups = new Map<string, Option[]>();
  for (const o of options) groups.set(o.group ?? "", [...(groups.get(o.group ?? "") ?? []), o]);
  return [...groups];
}

export const asOptions = (xs: readonly string[]): Option[] => xs.map((x) => ({ value: x, label: x }));

/**
 * The tags people set first, then each campaign's broadcast tag under
 * Broadcasts, labelled with the campaign's name ("Broadcast · Summer sale").
 */
export function tagOptions(tags: readonly string[], campaigns: ReadonlyArray<{ campaignId: string; name: string }>): Option[] {
  const names = new Map(campaigns.map((c) => [c.campaignId, c.name]));
  const set = tags.filter((t) => !t.startsWith(BROADCAST_TAG_PREFIX)).map((t) => ({ value: t, label: t, group: "Tags" }));
  const broadcasts = tags
    .filter((t) => t.startsWith(BROADCAST_TAG_PREFIX))
    .map((t) => ({ value: t, label: broadcastTagLabel(t, (id) => names.get(id))!, group: "Broadcasts" }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return [...set, ...broadcasts];
}
