import type { Store } from "../client";
import { IN_CONTACTS, type RefreshScope } from "./read-models";

/**
 * Writes the `conversions` read model (0019) for the contacts in scope: each
 * contact's counted conversions (a repeated order id once, its earliest) with
 * the last touch, the campaign delivered to the contact last at or before the
 * conversion, and whether the contact replied to it (engaged).
 *
 * It runs after recipients for the contacts of a round with a conversion
 * or whose recipients rows the round rewrites (`converting`), so a delivery or
 * a reply stored after the conversion re-attributes it: the row is a function
 * of the contact's stored events, whatever order they came in. A round of
 * tags, attributes or imported contacts reads nothing (a 200,000-row CSV
 * import spent 13 s of its 25 s of refresh statements here, for no row); a
 * contact without conversion events gets no row (the first CTE is empty).
 */
export async function refreshConversions(store: Store, workspaceId: string, scope: RefreshScope, version: number) {
  const contacts = scope.all ? [] : (scope.converting ?? scope.contacts);
  if (!scope.all && contacts.length === 0) return;
  const inScope = scope.all ? "1" : IN_CONTACTS;
  await store.command(
    `INSERT INTO conversions
       (workspace_id, contact, conversion_key, event_id, ts, name, value, currency, order_id, campaign_id, delivered_at, engaged, version)
     WITH
       counted AS (
         -- One row per order id of a contact (or per event without one): the earliest, ties by event id.
         SELECT contact, if(order_id = '', concat('e:', event_id), concat('o:', order_id)) AS conversion_key,
                argMin(tuple(ts, event_id, name, value, currency, order_id), tuple(ts, event_id)) AS first
         FROM conversion_events
         WHERE workspace_id = {workspaceId:String} AND ${inScope}
         GROUP BY contact, conversion_key
       ),
       touches AS (
         -- The deliveries of the converting contacts (recipients' by_contact projection), newest row of each campaign.
         SELECT contact, assumeNotNull(delivered_eff) AS delivered_at, campaign_id, engaged
         FROM (
           SELECT contact, campaign_id, argMax(delivered_eff, version) AS delivered_eff,
                  argMax(replied_at, version) IS NOT NULL AS engaged
           FROM recipients
           WHERE workspace_id = {workspaceId:String} AND contact IN (SELECT contact FROM counted)
           GROUP BY contact, campaign_id
         )
         WHERE delivered_eff IS NOT NULL
       ),
       conversions_in_scope AS (
         SELECT contact, conversion_key, first.1 AS ts, first.2 AS event_id, first.3 AS name, first.4 AS value,
                first.5 AS currency, first.6 AS order_id
         FROM counted
       )
     SELECT {workspaceId:String}, c.contact, c.conversion_key, c.event_id, c.ts, c.name, c.value, c.currency, c.order_id,
            t.campaign_id, if(t.campaign_id = '', NULL, t.delivered_at), if(t.campaign_id = '', 0, t.engaged), {version:UInt64}
     FROM conversions_in_scope AS c
     ASOF LEFT JOIN touches AS t ON c.contact = t.contact AND c.ts >= t.delivered_at
     SETTINGS join_use_nulls = 0`,
    { workspaceId, version, ...(scope.all ? {} : { contacts: JSON.stringify(contacts) }) },
    { report: "read-models:conversions" },
  );
}
