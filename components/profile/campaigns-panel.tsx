import { IntentLink } from "@/components/ui/intent-link";
import { useWorkspaceZone } from "@/components/workspace-zone";
import { formatWhen } from "@/components/ui/format";
import type { ProfileOverview } from "./profile-view";
import { Ticks, TICK_LABEL } from "./ticks";
import { Panel } from "@/components/ui/panel";
import { profileHref } from "./profile-href";
import styles from "./profile.module.css";

type Campaign = ProfileOverview["campaigns"][number];

function detail(c: Campaign, zone: string): string {
  switch (c.tick) {
    case "replied":
      return `Replied ${formatWhen(c.repliedAt!, zone)}${c.readAt ? ` · read ${formatWhen(c.readAt, zone)}` : ""}`;
    case "read":
      return `Read ${formatWhen(c.readAt!, zone)}`;
    case "delivered":
      return `Delivered ${formatWhen(c.deliveredAt!, zone)} · ignored so far`;
    case "failed":
      return `Failed ${formatWhen(c.failedAt!, zone)}`;
    default:
      return "Sent, not delivered yet";
  }
}

/**
 * The moment of a send's last tick: the journey up to it holds the send and
 * every status it had then, so the send's row shows its ticks inline.
 */
function lastTickAt(c: Campaign): string | null {
  const times = [c.sentAt, c.deliveredAt, c.readAt, c.failedAt].filter((t): t is string => !!t);
  if (times.length === 0) return null;
  return new Date(Math.max(...times.map((t) => Date.parse(t)))).toISOString();
}

/** Every campaign the contact received, newest first: which were read and which ignored, at a glance. */
export function CampaignsPanel({ workspaceId, contact, campaigns }: { workspaceId: string; contact: string; campaigns: Campaign[] }) {
  const zone = useWorkspaceZone();
  const read = campaigns.filter((c) => c.tick === "read" || c.tick === "replied").length;
  return (
    <Panel
      id="campaigns"
      title="Campaigns"
      description={campaigns.length === 0 ? "No campaign has been sent to this contact." : `${campaigns.length} received · ${read} read or replied · newest first`}
    >
      {campaigns.length === 0 ? null : (
        <>
          <ul className={styles.campaigns}>
            {campaigns.map((c) => (
              <li key={c.campaignId} className={styles.campaign} data-testid="campaign" data-tick={c.tick}>
                <CampaignName workspaceId={workspaceId} contact={contact} campaign={c} />
                <span className={styles.tick} data-tick={c.tick}>
                  <Ticks tick={c.tick} />
                  {TICK_LABEL[c.tick]}
                </span>
                <span className={styles.campaignMeta}>
                  {c.sentAt ? `Sent ${formatWhen(c.sentAt, zone)} · ` : ""}
                  {detail(c, zone)}
                  {c.error ? (
                    <span className={styles.failReason}>
                      {" "}
                      · {c.error.title || "WhatsApp gave no reason"}
                      {c.error.code ? ` (error ${c.error.code})` : ""}
                    </span>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
          <p className={styles.legend} aria-hidden="true">
            <span>✓ sent</span>
            <span>✓✓ delivered</span>
            <span style={{ color: "#1d9bf0" }}>✓✓ read</span>
            <span>Delivered but unread is ignored</span>
          </p>
        </>
      )}
    </Panel>
  );
}

/**
 * A campaign's name, a link to its send in the journey below: the page stays,
 * the journey jumps to the send (?at=, so the link can be shared) and comes into view.
 */
function CampaignName({ workspaceId, contact, campaign: c }: { workspaceId: string; contact: string; campaign: Campaign }) {
  const name = c.name || c.campaignId;
  const at = lastTickAt(c);
  if (!at) return <span className={styles.campaignName}>{name}</span>;
  return (
    <IntentLink
      href={profileHref(workspaceId, contact, at)}
      scroll={false}
      className={styles.campaignName}
      title="Show this send in the customer journey"
      onClick={() => document.getElementById("journey-title")?.scrollIntoView({ block: "start" })}
    >
      {name}
    </IntentLink>
  );
}
