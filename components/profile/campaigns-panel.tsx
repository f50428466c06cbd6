import { useWorkspaceZone } from "@/components/workspace-zone";
import { formatWhen } from "@/components/ui/format";
import type { ProfileOverview } from "./profile-view";
import { Ticks, TICK_LABEL } from "./ticks";
import { Panel } from "@/components/ui/panel";
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

/** Every campaign the contact received, newest first: which were read and which ignored, at a glance. */
export function CampaignsPanel({ campaigns }: { campaigns: Campaign[] }) {
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
                <span className={styles.campaignName}>{c.name || c.campaignId}</span>
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
