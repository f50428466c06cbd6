/**
 * Sending a campaign tags each recipient with the campaign's broadcast tag, so
 * segments and the profile can name "everyone who got Black Friday". The tag
 * is the campaign id under a prefix (tags are at most 100 characters); its
 * label is the campaign's name where the campaign is known.
 */
export const BROADCAST_TAG_PREFIX = "broadcast:";

export function broadcastTag(campaignId: string): string {
  return `${BROADCAST_TAG_PREFIX}${campaignId}`.slice(0, 100);
}

/** How a broadcast tag's label starts, so a list of labels can tell them apart. */
export const BROADCAST_LABEL_PREFIX = "Broadcast · ";

/** "Broadcast · Black Friday" for a broadcast tag whose campaign has that name; null for any other tag. */
export function broadcastTagLabel(tag: string, campaignName: (campaignId: string) => string | undefined): string | null {
  if (!tag.startsWith(BROADCAST_TAG_PREFIX)) return null;
  const campaignId = tag.slice(BROADCAST_TAG_PREFIX.length);
  return `${BROADCAST_LABEL_PREFIX}${campaignName(campaignId) || campaignId}`;
}
