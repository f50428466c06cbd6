"use client";

import { IntentLink } from "@/components/ui/intent-link";
import { useEffect, useRef, useState } from "react";
import { formatNumber } from "@/components/ui/format";
import { ContactCell } from "./contact-cell";
import { DateTime } from "@/components/workspace-zone";
import { profileHref } from "./format";
import { Panel, SmallEmpty } from "@/components/ui/panel";
import { QueryState } from "@/components/ui/query-state";
import { useAsked, useTerms, type ReportOutputs, type ReportRange } from "./use-report";
import { useAskedParams } from "./search-params";
import styles from "./unresolved.module.css";

/** What people asked just before they wanted a human: the top words, then every request, newest first. */
export function AskedSection({ range, enabled }: { range: ReportRange; enabled: boolean }) {
  // The search and the page live in the URL (?q=&asked=), so Back from a chat returns to them.
  const [{ q: search, asked: page }, setParams] = useAskedParams();
  const setPage = (next: number) => void setParams({ asked: next });
  const [typed, setTyped] = useState(search);
  // Search as the user types, once they pause; a new search starts at the first page.
  useEffect(() => {
    const timer = setTimeout(() => {
      if (typed.trim() === search) return;
      void setParams({ q: typed.trim(), asked: 1 });
    }, 300);
    return () => clearTimeout(timer);
  }, [typed, search, setParams]);
  // A new range starts at the first page too (not the first render: that is a page coming back).
  const shownRange = useRef(`${range.from}/${range.to}`);
  useEffect(() => {
    const key = `${range.from}/${range.to}`;
    if (shownRange.current !== key) void setParams({ asked: 1 });
    shownRange.current = key;
  }, [range.from, range.to, setParams]);

  const terms = useTerms(range, enabled);
  const asked = useAsked({ ...range, search, page }, enabled);

  function pick(term: string) {
    const next = search === term ? "" : term;
    setTyped(next);
    void setParams({ q: next, asked: 1 });
  }

  return (
    <Panel
      id="asked"
      title="What people asked"
      description="The request for a human and the user's messages in the half hour before it. Open one to read the chat at that moment."
    >
      <QueryState query={terms} what="top words" skeletonHeight={64}>
        {(data) => <TopTerms data={data} selected={search} onPick={pick} />}
      </QueryState>
      <div className={styles.searchRow}>
        <label htmlFor="asked-search" className="visually-hidden">
          Search requests
        </label>
        <input
          id="asked-search"
          type="search"
          className={styles.search}
          placeholder="Search what people asked, or a phone number"
          value={typed}
          maxLength={200}
          onChange={(e) => setTyped(e.target.value)}
        />
        {asked.data ? (
          <span className={styles.muted} role="status">
            {formatNumber(asked.data.total)} {asked.data.total === 1 ? "request" : "requests"}
            {search ? ` matching “${search}”` : ""}
          </span>
        ) : null}
      </div>
      <QueryState query={asked} what="requests" skeletonHeight={320}>
        {(data) => <RequestList workspaceId={range.workspaceId} data={data} search={search} onPage={setPage} />}
      </QueryState>
    </Panel>
  );
}

function TopTerms({ data, selected, onPick }: { data: ReportOutputs["terms"]; selected: string; onPick: (term: string) => void }) {
  if (data.words.length === 0) return null;
  const group = (title: string, terms: typeof data.words) =>
    terms.length ? (
      <div className={styles.termGroup}>
        <h3>{title}</h3>
        <div className={styles.chips}>
          {terms.map((t) => (
            <button key={t.term} type="button" className={styles.chip} aria-pressed={selected === t.term} onClick={() => onPick(t.term)}>
              {t.term} <data value={String(t.requests)}>{formatNumber(t.requests)}</data>
            </button>
          ))}
        </div>
      </div>
    ) : null;
  return (
    <div className={styles.terms} aria-label="Most frequent words and phrases" role="group">
      {group("Top words", data.words)}
      {group("Top phrases", data.phrases)}
    </div>
  );
}

function RequestList({
  workspaceId,
  data,
  search,
  onPage,
}: {
  workspaceId: string;
  data: ReportOutputs["asked"];
  search: string;
  onPage: (page: number) => void;
}) {
  if (data.total === 0) {
    return (
      <SmallEmpty>
        {search ? `No request in this range mentions “${search}”.` : "Nobody asked for a human in this range. Try a longer range."}
      </SmallEmpty>
    );
  }
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  const first = (data.page - 1) * data.pageSize + 1;
  return (
    <>
      <ol className={styles.requests} aria-label="Requests for a human, newest first">
        {data.requests.map((r) => {
          // The message that triggered the request usually is its text: show it once.
          const before = r.before.filter((m) => m.text.trim() !== r.text.trim());
          return (
            <li key={r.eventId} className={styles.request}>
              <div>
                <ContactCell workspaceId={workspaceId} contact={r.contact} name={r.name} at={r.at} />
                <DateTime value={r.at} className={styles.phone} />
              </div>
              <div>
                <p className={styles.requestText}>{r.text || <span className={styles.muted}>(no text with the request)</span>}</p>
                {before.length ? (
                  <ul className={styles.before} aria-label="Messages just before">
                    {before.map((m, i) => (
                      <li key={`${m.at}-${i}`}>“{m.text}”</li>
                    ))}
                  </ul>
                ) : null}
              </div>
              <IntentLink className={styles.openLink} href={profileHref(workspaceId, r.contact, r.at)} aria-label={`Open the chat of ${r.name || r.contact} at this request`}>
                Open chat →
              </IntentLink>
            </li>
          );
        })}
      </ol>
      <nav className={styles.pager} aria-label="Pages of requests">
        <span>
          {formatNumber(first)}–{formatNumber(first + data.requests.length - 1)} of {formatNumber(data.total)}
        </span>
        <div>
          <button type="button" className="btn btn-small" disabled={data.page <= 1} onClick={() => onPage(data.page - 1)}>
            ← Newer
          </button>
          <button type="button" className="btn btn-small" disabled={data.page >= pages} onClick={() => onPage(data.page + 1)}>
            Older →
          </button>
        </div>
      </nav>
    </>
  );
}
