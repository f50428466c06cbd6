import { formatExact, formatNumber, formatRelative, formatWhen, parseStoreTime } from "@/components/ui/format";
import { useWorkspaceZone } from "@/components/workspace-zone";
import { sourceLabel, STATUS_HINT, STATUS_LABEL } from "./format";
import type { ProfileOverview } from "./profile-view";
import { Panel } from "@/components/ui/panel";
import styles from "./profile.module.css";

function When({ value }: { value: string | null }) {
  const zone = useWorkspaceZone();
  if (!value) return <>Never</>;
  const date = parseStoreTime(value);
  return (
    <time dateTime={date.toISOString()} title={formatExact(date, zone)}>
      {formatWhen(value, zone)}
      {/* "How long ago" moves on between the server's render and the browser's. */}
      <small suppressHydrationWarning>{formatRelative(date)}</small>
    </time>
  );
}

/** The chat profile's basic parameters, as DESIGN.md lists them. */
export function BasicParameters({ profile: p }: { profile: ProfileOverview }) {
  const zone = useWorkspaceZone();
  const shownStatus = p.inHistory ? "history" : p.status;
  return (
    <Panel id="params" title="Basic parameters" description={<>Derived from every event of this chat, as of now. Times in {zone}.</>}>
      <dl className={styles.params}>
        <div className={styles.param} data-testid="param-status">
          <dt>Status</dt>
          <dd>
            {STATUS_LABEL[shownStatus]}
            <small>
              {p.inHistory && p.status !== "active"
                ? `${STATUS_LABEL[p.status]} before it went quiet — ${STATUS_HINT[p.status].toLowerCase()}`
                : STATUS_HINT[shownStatus]}
            </small>
          </dd>
        </div>
        <div className={styles.param} data-testid="param-last-active">
          <dt>Last active</dt>
          <dd>
            <When value={p.lastActive} />
          </dd>
        </div>
        <Count testId="param-templates" label="Template messages" value={p.templateMessages} hint="Business-initiated templates" />
        <Count testId="param-sessions" label="Session messages" value={p.sessionMessages} hint="Inside the 24-hour window" />
        <Count
          testId="param-unresolved"
          label="Unresolved queries"
          value={p.unresolvedQueries}
          hint={p.status === "requesting" ? "One is waiting for an agent" : "Times they asked for a human"}
        />
        <div className={styles.param} data-testid="param-source">
          <dt>Source</dt>
          <dd>
            {sourceLabel(p.source)}
            {p.sourceDetail ? <small title={p.sourceDetail}>{p.sourceDetail}</small> : null}
          </dd>
        </div>
        <div className={styles.param} data-testid="param-first-message-tag">
          <dt>First-message tag</dt>
          <dd>
            {p.firstMessageTag || <span className={styles.muted}>None</span>}
            <small>First seen {formatWhen(p.firstSeen, zone)}</small>
          </dd>
        </div>
      </dl>
    </Panel>
  );
}

function Count({ testId, label, value, hint }: { testId: string; label: string; value: number; hint: string }) {
  return (
    <div className={styles.param} data-testid={testId}>
      <dt>{label}</dt>
      <dd>
        <data className={styles.count} value={String(value)}>
          {formatNumber(value)}
        </data>
        <small>{hint}</small>
      </dd>
    </div>
  );
}
