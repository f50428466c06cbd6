"use client";

import { useOrigin } from "../use-origin";
import styles from "../manage.module.css";

const EXAMPLE_EVENT = {
  event_id: "order-1001-confirmation",
  type: "message.outbound",
  contact: "+919812345678",
  ts: "2026-11-23T09:30:00Z",
  kind: "template",
  template: "order_confirmation_v2",
  actor: { kind: "api", id: "shop" },
};

/** How to use a key: the Event API in one curl command and the few rules that matter. */
export function EventsHelp() {
  const origin = useOrigin() ?? "https://chatlens.example.com";
  const curl = [
    `curl -X POST '${origin}/api/v1/events' \\`,
    `  -H "Authorization: Bearer $CHATLENS_API_KEY" \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d '[`,
    ...JSON.stringify(EXAMPLE_EVENT, null, 2)
      .split("\n")
      .map((line) => `    ${line}`),
    `  ]'`,
  ].join("\n");
  return (
    <section className={styles.panel} aria-labelledby="events-help-title">
      <div className={styles.panelHeader}>
        <div>
          <h2 id="events-help-title">How to send events</h2>
          <p>
            <code>POST /api/v1/events</code> with the key as a bearer token, a JSON array of events or NDJSON (one event per
            line, <code>Content-Type: application/x-ndjson</code>).
          </p>
        </div>
      </div>
      <div className={styles.help}>
        <pre className={styles.code} tabIndex={0} aria-label="Example request">
          <code>{curl}</code>
        </pre>
        <ul>
          <li>
            The answer says what happened to each event:{" "}
            <code>{'{ "stored": 1, "duplicates": 0, "rejected": [] }'}</code>. A rejected event comes with its position
            (array index from 1, or NDJSON line) and the reason; the valid events beside it are stored.
          </li>
          <li>
            Give every event a unique <code>event_id</code> (up to 128 characters). Sending the same id again is ignored, so
            retrying a batch after a timeout is safe.
          </li>
          <li>
            Types: <code>message.inbound</code>, <code>message.outbound</code>, <code>message.status</code>,{" "}
            <code>campaign.created</code>, <code>campaign.sent</code>, <code>tag.added</code>, <code>tag.removed</code>,{" "}
            <code>attribute.set</code>, <code>contact.created</code> and more; <code>contact</code> is a phone number in
            E.164 form and <code>ts</code> an ISO-8601 time with its offset, from 2000-01-01 to one day after now. A status
            may come before its message: it is tied to the message’s campaign when the message arrives.
          </li>
          <li>
            <code>401</code>: the key is missing, wrong or revoked. <code>400</code>: nothing in the body was valid.{" "}
            <code>413</code>: the body is over the server’s limit (10 MB unless configured); split the batch.
          </li>
        </ul>
      </div>
    </section>
  );
}
