"use client";

import { STATUS_VALUES, operatorsForType, type AttributeOp, type Condition } from "@/clickhouse/vocabulary/filter-tree";
import { OPERATOR_LABELS } from "@/server/segments/validate";
import { Select } from "@/components/ui/select";
import { asOptions, MultiSelect, tagOptions } from "./multi-select";
import { defaultAttributeCondition, defaultValues, type BuilderOptions } from "./tree-edit";
import styles from "./segments.module.css";

type Of<K extends Condition["kind"]> = Extract<Condition, { kind: K }>;

interface FieldsProps<C extends Condition> {
  condition: C;
  onChange: (next: Condition) => void;
  options: BuilderOptions;
  /** "condition 1.2", for the controls' accessible names. */
  name: string;
}

/** A choice among fixed values, as the builder's compact kit Select named by its hidden label. */
function Choice<T extends string>({ label, value, choices, onChange }: { label: string; value: T; choices: ReadonlyArray<[T, string]>; onChange: (v: T) => void }) {
  return (
    <Select label={label} hideLabel compact value={value} onChange={(e) => onChange(e.target.value as T)}>
      {choices.map(([v, text]) => (
        <option key={v} value={v}>
          {text}
        </option>
      ))}
    </Select>
  );
}

function NumberInput({ label, value, onChange, min = 0 }: { label: string; value: number | undefined; onChange: (v: number) => void; min?: number }) {
  return (
    <input
      className={`${styles.input} ${styles.narrow}`}
      type="number"
      min={min}
      aria-label={label}
      // A cleared field is NaN in the tree (the validator names it); the input shows it empty.
      value={value === undefined || Number.isNaN(value) ? "" : value}
      onChange={(e) => onChange(e.target.value === "" ? Number.NaN : Number(e.target.value))}
    />
  );
}

function DateInput({ label, value, onChange }: { label: string; value: string | undefined; onChange: (v: string) => void }) {
  return <input className={styles.input} type="date" aria-label={label} value={value ?? ""} onChange={(e) => onChange(e.target.value)} />;
}

const STATUS_LABELS: Record<(typeof STATUS_VALUES)[number], string> = {
  active: "Active",
  requesting: "Requesting",
  intervened: "Intervened",
  closed: "Closed",
  history: "History",
};

/** The controls of one condition, by kind. */
export function ConditionFields(props: FieldsProps<Condition>) {
  const { condition: c } = props;
  switch (c.kind) {
    case "tags":
      return <TagsFields {...props} condition={c} />;
    case "firstMessageTag":
      return <FirstMessageTagFields {...props} condition={c} />;
    case "attribute":
      return <AttributeFields {...props} condition={c} />;
    case "source":
      return <SourceFields {...props} condition={c} />;
    case "status":
      return (
        <MultiSelect
          label={`Statuses of ${props.name}`}
          values={c.values}
          options={STATUS_VALUES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
          onChange={(values) => props.onChange({ ...c, values: values as Of<"status">["values"] })}
        />
      );
    case "lastActive":
      return <LastActiveFields {...props} condition={c} />;
    case "firstSeen":
      return (
        <>
          <span className={styles.word}>between</span>
          <DateInput label={`First seen from, ${props.name}`} value={c.from} onChange={(from) => props.onChange({ ...c, from })} />
          <span className={styles.word}>and</span>
          <DateInput label={`First seen until, ${props.name}`} value={c.to} onChange={(to) => props.onChange({ ...c, to })} />
        </>
      );
    case "counter":
      return (
        <>
          <Choice
            label={`Counter of ${props.name}`}
            value={c.counter}
            choices={[["sessionMessages", "Session messages"], ["templateMessages", "Template messages"], ["unresolvedQueries", "Unresolved queries"]]}
            onChange={(counter) => props.onChange({ ...c, counter })}
          />
          <Choice
            label={`Comparison of ${props.name}`}
            value={c.op}
            choices={[["eq", "="], ["ne", "≠"], ["lt", "<"], ["le", "≤"], ["gt", ">"], ["ge", "≥"]]}
            onChange={(op) => props.onChange({ ...c, op })}
          />
          <NumberInput label={`Number of ${props.name}`} value={c.value} onChange={(value) => props.onChange({ ...c, value })} />
        </>
      );
    case "campaign":
      return (
        <>
          <Choice
            label={`Behaviour of ${props.name}`}
            value={c.event}
            choices={[["received", "received"], ["read", "read"], ["ignored", "ignored (delivered, not read)"], ["replied", "replied to"], ["failed", "failed to receive"]]}
            onChange={(event) => props.onChange({ ...c, event })}
          />
          <MultiSelect
            label={`Campaigns of ${props.name}`}
            values={c.campaigns}
            options={props.options.campaigns.map((x) => ({ value: x.campaignId, label: x.name }))}
            onChange={(campaigns) => props.onChange({ ...c, campaigns })}
            placeholder="Pick a campaign…"
            emptyText="any campaign"
          />
        </>
      );
    case "staticList":
      return (
        <Select label={`Static segment of ${props.name}`} hideLabel compact value={c.segmentId} onChange={(e) => props.onChange({ ...c, segmentId: e.target.value })}>
          {props.options.staticSegments.some((s) => s.segmentId === c.segmentId) ? null : <option value={c.segmentId}>Pick a static segment</option>}
          {props.options.staticSegments.map((s) => (
            <option key={s.segmentId} value={s.segmentId}>
              {s.name}
            </option>
          ))}
        </Select>
      );
    case "optedOut":
      // Nothing to pick: NOT (the rule's own switch) turns it into "may get marketing".
      return <span className={styles.word}>replied an opt-out keyword or stopped marketing messages, and has not opted back in</span>;
    case "campaignFatigue":
      return (
        <>
          <span className={styles.word}>received at least</span>
          <NumberInput label={`Campaigns received, ${props.name}`} min={1} value={c.atLeast} onChange={(atLeast) => props.onChange({ ...c, atLeast })} />
          <span className={styles.word}>campaigns in the last</span>
          <NumberInput label={`Days, ${props.name}`} min={1} value={c.days} onChange={(days) => props.onChange({ ...c, days })} />
          <span className={styles.word}>days and read none</span>
        </>
      );
    case "converted":
      return <ConvertedFields {...props} condition={c} />;
    case "revenue":
      return <RevenueFields {...props} condition={c} />;
    case "neverConverted":
      return <span className={styles.word}>no conversion of any kind, ever</span>;
  }
}

function ConvertedFields({ condition: c, onChange, options, name }: FieldsProps<Of<"converted">>) {
  return (
    <>
      <Choice
        label={`Conversion of ${name}`}
        value={c.name}
        choices={[["", "any conversion"], ...options.conversionNames.map((n): [string, string] => [n, n])]}
        onChange={(v) => onChange({ ...c, name: v })}
      />
      <span className={styles.word}>within 7 days after</span>
      <MultiSelect
        label={`Campaigns of ${name}`}
        values={c.campaigns}
        options={options.campaigns.map((x) => ({ value: x.campaignId, label: x.name }))}
        onChange={(campaigns) => onChange({ ...c, campaigns })}
        placeholder="Pick a campaign…"
        emptyText="any campaign"
      />
    </>
  );
}

function RevenueFields({ condition: c, onChange, options, name }: FieldsProps<Of<"revenue">>) {
  const currencies = options.currencies.includes(c.currency) ? options.currencies : [c.currency, ...options.currencies];
  return (
    <>
      <span className={styles.word}>in the last</span>
      <NumberInput label={`Days, ${name}`} min={1} value={c.days} onChange={(days) => onChange({ ...c, days })} />
      <span className={styles.word}>days ≥</span>
      <NumberInput label={`Revenue, ${name}`} min={0} value={c.min} onChange={(min) => onChange({ ...c, min })} />
      <Choice label={`Currency of ${name}`} value={c.currency} choices={currencies.map((x): [string, string] => [x, x])} onChange={(currency) => onChange({ ...c, currency })} />
    </>
  );
}

function TagsFields({ condition: c, onChange, options, name }: FieldsProps<Of<"tags">>) {
  return (
    <>
      <Choice label={`Operator of ${name}`} value={c.op} choices={[["any", "has any of"], ["all", "has all of"], ["none", "has none of"]]} onChange={(op) => onChange({ ...c, op })} />
      <MultiSelect label={`Tags of ${name}`} values={c.tags} options={tagOptions(options.tags, options.campaigns)} onChange={(tags) => onChange({ ...c, tags })} placeholder="Add a tag…" />
      <Choice
        label={`Tag kind of ${name}`}
        value={c.tagKind}
        choices={[["any", "added any way"], ["manual", "added manually"], ["automated", "added automatically"]]}
        onChange={(tagKind) => onChange({ ...c, tagKind })}
      />
    </>
  );
}

function FirstMessageTagFields({ condition: c, onChange, options, name }: FieldsProps<Of<"firstMessageTag">>) {
  return (
    <>
      <Choice label={`Operator of ${name}`} value={c.op} choices={[["any", "is any of"], ["none", "is none of"], ["empty", "is empty (no match)"]]} onChange={(op) => onChange({ ...c, op })} />
      {c.op === "empty" ? null : (
        <MultiSelect label={`First-message tags of ${name}`} values={c.tags} options={asOptions(options.firstMessageTags)} onChange={(tags) => onChange({ ...c, tags })} placeholder="Add a tag…" />
      )}
    </>
  );
}

function SourceFields({ condition: c, onChange, options, name }: FieldsProps<Of<"source">>) {
  return (
    <>
      <Choice label={`Operator of ${name}`} value={c.op} choices={[["any", "is any of"], ["none", "is none of"]]} onChange={(op) => onChange({ ...c, op })} />
      <MultiSelect label={`Sources of ${name}`} values={c.values} options={asOptions(options.sources)} onChange={(values) => onChange({ ...c, values })} placeholder="Add a source…" />
      <label className={styles.check}>
        <input type="checkbox" checked={c.ad} onChange={(e) => onChange({ ...c, ad: e.target.checked })} />
        or came from an ad
      </label>
    </>
  );
}

function LastActiveFields({ condition: c, onChange, name }: FieldsProps<Of<"lastActive">>) {
  return (
    <>
      <Choice
        label={`Operator of ${name}`}
        value={c.op}
        choices={[["inLastDays", "in the last"], ["before", "before"], ["between", "between"]]}
        onChange={(op) => onChange({ ...c, op, days: op === "inLastDays" ? (c.days ?? 30) : undefined, from: op === "between" ? c.from : undefined, to: op === "inLastDays" ? undefined : c.to })}
      />
      {c.op === "inLastDays" ? (
        <>
          <NumberInput label={`Days of ${name}`} min={1} value={c.days} onChange={(days) => onChange({ ...c, days })} />
          <span className={styles.word}>days</span>
        </>
      ) : null}
      {c.op === "between" ? (
        <>
          <DateInput label={`From, ${name}`} value={c.from} onChange={(from) => onChange({ ...c, from })} />
          <span className={styles.word}>and</span>
        </>
      ) : null}
      {c.op !== "inLastDays" ? <DateInput label={`Until, ${name}`} value={c.to} onChange={(to) => onChange({ ...c, to })} /> : null}
    </>
  );
}

function AttributeFields({ condition: c, onChange, options, name }: FieldsProps<Of<"attribute">>) {
  const def = options.attributes.find((a) => a.name === c.attribute);
  const type = def?.type ?? "text";
  const ops = operatorsForType(type);
  const setValue = (i: number, v: string) => onChange({ ...c, values: c.values.map((x, j) => (j === i ? v : x)) });
  const input = (i: number, what: string) =>
    type === "date" && c.op !== "inLastDays" && c.op !== "inNextDays" ? (
      <DateInput key={i} label={`${what}, ${name}`} value={c.values[i]} onChange={(v) => setValue(i, v)} />
    ) : (
      <input
        key={i}
        className={`${styles.input} ${type === "number" || c.op === "inLastDays" || c.op === "inNextDays" ? styles.narrow : ""}`}
        type={type === "number" || c.op === "inLastDays" || c.op === "inNextDays" ? "number" : "text"}
        aria-label={`${what}, ${name}`}
        value={c.values[i] ?? ""}
        onChange={(e) => setValue(i, e.target.value)}
      />
    );
  return (
    <>
      <Select
        label={`Attribute of ${name}`}
        hideLabel
        compact
        value={c.attribute}
        onChange={(e) => {
          const next = options.attributes.find((a) => a.name === e.target.value);
          if (next) onChange({ ...defaultAttributeCondition(next, options.timeZone), not: c.not });
        }}
      >
        {def ? null : <option value={c.attribute}>{c.attribute || "Pick an attribute"}</option>}
        {options.attributes.map((a) => (
          <option key={a.name} value={a.name}>
            {a.label}
          </option>
        ))}
      </Select>
      <Select
        label={`Operator of ${name}`}
        hideLabel
        compact
        value={c.op}
        onChange={(e) => {
          const op = e.target.value as AttributeOp;
          onChange({ ...c, op, values: defaultValues(op, def ?? { type, options: [] }, options.timeZone) });
        }}
      >
        {(ops.includes(c.op) ? ops : [c.op, ...ops]).map((op) => (
          <option key={op} value={op}>
            {OPERATOR_LABELS[op]}
          </option>
        ))}
      </Select>
      {c.op === "anyOf" || c.op === "noneOf" ? (
        <MultiSelect label={`Values of ${name}`} values={c.values} options={asOptions(def?.options ?? [])} onChange={(values) => onChange({ ...c, values })} />
      ) : c.op === "oneOf" ? (
        <input
          className={styles.input}
          aria-label={`Values of ${name}, separated by commas`}
          placeholder="Mumbai, Pune"
          value={c.values.join(", ")}
          onChange={(e) => onChange({ ...c, values: e.target.value.split(",").map((v) => v.trimStart()) })}
        />
      ) : c.op === "between" ? (
        <>
          {input(0, "From")}
          <span className={styles.word}>and</span>
          {input(1, "To")}
        </>
      ) : c.values.length === 1 ? (
        <>
          {input(0, "Value")}
          {c.op === "inLastDays" || c.op === "inNextDays" ? <span className={styles.word}>days</span> : null}
        </>
      ) : null}
    </>
  );
}
