"use client";

import { MAX_DEPTH, type Condition, type ConditionKind, type FilterNode, type FilterTree, type Group } from "@/clickhouse/vocabulary/filter-tree";
import { Select } from "@/components/ui/select";
import { ConditionFields } from "./condition-fields";
import { appendAt, CONDITION_KINDS, defaultCondition, newGroup, removeAt, updateAt, type BuilderOptions, type Path } from "./tree-edit";
import styles from "./segments.module.css";

interface EditorProps {
  tree: FilterTree;
  onChange: (next: FilterTree) => void;
  options: BuilderOptions;
  /** Validation problems by 1-based path ("2.1"). */
  problems: ReadonlyMap<string, string>;
}

/** The visual editor of a filter tree: nested AND/OR groups of conditions, each with NOT. */
export function FilterEditor(props: EditorProps) {
  return <GroupEditor {...props} group={props.tree} path={[]} />;
}

const label = (path: Path) => (path.length ? `condition ${path.map((i) => i + 1).join(".")}` : "the segment");
const groupLabel = (path: Path) => (path.length ? `group ${path.map((i) => i + 1).join(".")}` : "the segment");

function GroupEditor({ tree, onChange, options, problems, group, path }: EditorProps & { group: Group; path: Path }) {
  const depth = path.length + 1;
  const key = path.map((i) => i + 1).join(".");
  const name = groupLabel(path);
  const edit = (fn: (g: Group) => Group) => onChange(updateAt(tree, path, (n) => fn(n as Group)));
  const add = (kind: ConditionKind) => onChange(appendAt(tree, path, defaultCondition(kind, options)));

  return (
    <div className={styles.group} data-root={path.length === 0 || undefined} data-not={group.not || undefined} role="group" aria-label={name}>
      <div className={styles.groupHeader}>
        <span className={styles.word}>{path.length === 0 ? "Contacts who match" : "Match"}</span>
        <div className={styles.joinToggle} role="radiogroup" aria-label={`How ${name} combines its rules`}>
          {(["and", "or"] as const).map((join) => (
            <button key={join} type="button" role="radio" aria-checked={group.join === join} onClick={() => edit((g) => ({ ...g, join }))}>
              {join === "and" ? "all" : "any"}
            </button>
          ))}
        </div>
        <span className={styles.word}>of these rules</span>
        <span className={styles.spacer} />
        <NotToggle on={!!group.not} label={name} onToggle={() => edit((g) => ({ ...g, not: !g.not }))} />
        {path.length ? (
          <button type="button" className={styles.iconButton} aria-label={`Remove ${name}`} onClick={() => onChange(removeAt(tree, path))}>
            ×
          </button>
        ) : null}
      </div>
      {problems.get(key) && path.length ? <p className={styles.problem}>{problems.get(key)}</p> : null}
      {group.children.length === 0 ? <p className={styles.emptyGroup}>No rules yet: every contact matches. Add a condition below.</p> : null}
      <ol className={styles.children}>
        {group.children.map((child, i) => (
          <li key={i} className={styles.child}>
            {i > 0 ? <span className={styles.joinWord}>{group.join === "and" ? "and" : "or"}</span> : null}
            {child.kind === "group" ? (
              <GroupEditor tree={tree} onChange={onChange} options={options} problems={problems} group={child} path={[...path, i]} />
            ) : (
              <ConditionRow tree={tree} onChange={onChange} options={options} problems={problems} condition={child} path={[...path, i]} />
            )}
          </li>
        ))}
      </ol>
      <div className={styles.addRow}>
        <Select label={`Add a condition to ${name}`} hideLabel compact adds value="" onChange={(e) => e.target.value && add(e.target.value as ConditionKind)}>
          <option value="">+ Add condition…</option>
          {CONDITION_KINDS.map((k) => (
            <option
              key={k.kind}
              value={k.kind}
              disabled={(k.kind === "attribute" && options.attributes.length === 0) || (k.kind === "staticList" && options.staticSegments.length === 0)}
            >
              {k.label}
            </option>
          ))}
        </Select>
        {depth < MAX_DEPTH ? (
          <button
            type="button"
            className="btn btn-small"
            onClick={() => onChange(appendAt(tree, path, newGroup(group.join === "and" ? "or" : "and", defaultCondition("tags", options))))}
          >
            + Add group
          </button>
        ) : null}
      </div>
    </div>
  );
}

function ConditionRow({ tree, onChange, options, problems, condition, path }: EditorProps & { condition: Condition; path: Path }) {
  const key = path.map((i) => i + 1).join(".");
  const name = label(path);
  const problem = problems.get(key);
  const kindLabel = CONDITION_KINDS.find((k) => k.kind === condition.kind)?.label ?? condition.kind;
  const set = (next: FilterNode) => onChange(updateAt(tree, path, () => next));
  return (
    <div className={styles.condition} data-not={condition.not || undefined} data-invalid={problem ? true : undefined} role="group" aria-label={name}>
      <div className={styles.conditionLine}>
        <span className={styles.kind}>{kindLabel}</span>
        <div className={styles.fields}>
          <ConditionFields condition={condition} options={options} name={name} onChange={(next) => set({ ...next, not: condition.not })} />
        </div>
        <div className={styles.controls}>
          <NotToggle on={!!condition.not} label={name} onToggle={() => set({ ...condition, not: !condition.not })} />
          <button type="button" className={styles.iconButton} aria-label={`Remove ${name}`} onClick={() => onChange(removeAt(tree, path))}>
            ×
          </button>
        </div>
      </div>
      {problem ? <p className={styles.problem}>{problem}</p> : null}
    </div>
  );
}

function NotToggle({ on, label, onToggle }: { on: boolean; label: string; onToggle: () => void }) {
  return (
    <button type="button" className={styles.notToggle} aria-pressed={on} aria-label={`NOT: exclude contacts matching ${label}`} title="Exclude the contacts this matches" onClick={onToggle}>
      NOT
    </button>
  );
}
