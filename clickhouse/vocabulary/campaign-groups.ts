import { z } from "zod";

/**
 * A campaign's breakdown: its recipients grouped by one dimension of their
 * profile as it is now, and one group of it, which a drill-down and "Save as
 * segment" narrow a stage to. Pure (zod and words only), so the router, the
 * query module and the page share one definition.
 *
 * Dimensions: tag (a contact with several tags is in each), first-message tag,
 * source (organic, api, an import label) plus "came from an ad" — a group of
 * its own that overlaps the sources, because an ad's chat usually starts as an
 * organic one, exactly as the segment rule "source … or came from an ad"
 * treats it — and the value of one attribute. '' is "none" (no first-message
 * tag, no source, no value).
 */

export const DIMENSIONS = ["tag", "firstMessageTag", "source", "attribute"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** A breakdown lists at most this many groups, the largest first (a workspace may have hundreds of tags). */
export const MAX_GROUPS = 30;

/** Below this many recipients a group's rates are flagged as not to be over-read. */
export const SMALL_GROUP = 30;

const DIMENSION_ERROR = "break down by tag, first-message tag, source or attribute";
const attribute = z.string().min(1, "pick an attribute").max(100, "an attribute key has at most 100 characters");

/** What to break a campaign down by. */
export const breakdownBySchema = z.discriminatedUnion(
  "dimension",
  [
    z.object({ dimension: z.literal("tag") }),
    z.object({ dimension: z.literal("firstMessageTag") }),
    z.object({ dimension: z.literal("source") }),
    z.object({ dimension: z.literal("attribute"), attribute }),
  ],
  { error: DIMENSION_ERROR },
);
export type BreakdownBy = z.infer<typeof breakdownBySchema>;

/** One group of a breakdown: a breakdown cell's row. */
export const groupFilterSchema = z
  .discriminatedUnion(
    "dimension",
    [
      z.object({ dimension: z.literal("tag"), value: z.string().min(1, "name the tag").max(100, "a tag has at most 100 characters") }),
      z.object({ dimension: z.literal("firstMessageTag"), value: z.string().max(100, "a tag has at most 100 characters") }),
      z.object({
        dimension: z.literal("source"),
        value: z.string().max(100, "a source has at most 100 characters"),
        /** The contacts who came from a click-to-WhatsApp ad, whatever their source. */
        ad: z.boolean().optional(),
      }),
      z.object({ dimension: z.literal("attribute"), attribute, value: z.string().max(1000, "a value has at most 1000 characters") }),
    ],
    { error: DIMENSION_ERROR },
  )
  .refine((g) => g.dimension !== "source" || !g.ad || g.value === "", {
    message: "the group “came from an ad” takes no source value",
    path: ["value"],
  });
export type GroupFilter = z.infer<typeof groupFilterSchema>;

/** The attribute a breakdown or group reads, if any: it must exist in the workspace. */
export function attributeOf(g: BreakdownBy | GroupFilter): string | null {
  return g.dimension === "attribute" ? g.attribute : null;
}

/** A group in words, for a saved segment's name: `tag “VIP”`, `no first-message tag`, `came from an ad`. */
export function describeGroup(g: GroupFilter): string {
  switch (g.dimension) {
    case "tag":
      return `tag “${g.value}”`;
    case "firstMessageTag":
      return g.value ? `first-message tag “${g.value}”` : "no first-message tag";
    case "source":
      if (g.ad) return "came from an ad";
      return g.value ? `source “${g.value}”` : "no source";
    case "attribute":
      return g.value ? `${g.attribute} “${g.value}”` : `no ${g.attribute}`;
  }
}
