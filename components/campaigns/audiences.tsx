"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { formatNumber } from "@/components/overview/format";
import { useTRPC } from "@/components/trpc";
import { Panel, QueryContent } from "@/components/unresolved/panel";
import { formatRate } from "./format";
import styles from "./campaigns.module.css";

/**
 * Which audiences read the campaign: its recipients by tag, or by the value of
 * one attribute, each with the read rate. Tags and values are the contacts'
 * current ones.
 */
export function AudiencesPanel({ workspaceId, campaignId, replyWindowHours }: { workspaceId: string; campaignId: string; replyWindowHours: number }) {
  const trpc = useTRPC();
  const selectId = useId();
  const [by, setBy] = useState("tag");
  const attributes = useQuery(trpc.attributes.list.queryOptions({ workspaceId }, { staleTime: 5 * 60_000 }));
  const dimension = by === "tag" ? ({ kind: "tag" } as const) : ({ kind: "attribute", attribute: by.slice("attribute:".length) } as const);
  const query = useQuery(trpc.campaigns.audiences.queryOptions({ workspaceId, campaignId, dimension, replyWindowHours }, { placeholderData: keepPreviousData }));

  return (
    <Panel
      id="audiences"
      title="Who read it"
      description="Recipients by their tags or by an attribute’s value, as their profiles are now; read rate = read ÷ delivered."
      actions={
        <label htmlFor={selectId} className={styles.saved}>
          Group by{" "}
          <select id={selectId} value={by} onChange={(e) => setBy(e.currentTarget.value)}>
            <option value="tag">Tags</option>
            {(attributes.data ?? []).map((a) => (
              <option key={a.name} value={`attribute:${a.name}`}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
      }
    >
      <QueryContent query={query} what="audiences" skeletonHeight={160}>
        {(rows) =>
          rows.length === 0 ? (
            <p className={styles.muted}>{by === "tag" ? "No recipient of this campaign has a tag." : "Nobody received this campaign."}</p>
          ) : (
            <table className={styles.errors}>
              <caption className="visually-hidden">Recipients by {by === "tag" ? "tag" : dimension.kind === "attribute" ? dimension.attribute : ""}</caption>
              <thead>
                <tr>
                  <th scope="col">{by === "tag" ? "Tag" : "Value"}</th>
                  <th scope="col" data-num>Recipients</th>
                  <th scope="col" data-num>Delivered</th>
                  <th scope="col" data-num>Read</th>
                  <th scope="col" data-num>Replied</th>
                  <th scope="col" data-num>Read rate</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.value}>
                    <td>{r.value || <span className={styles.muted}>No value</span>}</td>
                    <td data-num>{formatNumber(r.recipients)}</td>
                    <td data-num>{formatNumber(r.delivered)}</td>
                    <td data-num>{formatNumber(r.read)}</td>
                    <td data-num>{formatNumber(r.replied)}</td>
                    <td data-num>
                      <span className={styles.rateCell}>
                        <span className={styles.rateBar} aria-hidden="true">
                          <span style={{ width: `${Math.round((r.readRate ?? 0) * 100)}%` }} />
                        </span>
                        {formatRate(r.readRate)}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryContent>
    </Panel>
  );
}
