import { z } from "zod";

/** Saved segments: names, descriptions and what saving takes (server/routers/segments.ts; the save card too). */

export const segmentIdSchema = z.string().min(1).max(64);
export const segmentName = z.string().trim().min(1, "give the segment a name").max(120, "a name has at most 120 characters");
export const segmentDescriptionText = z.string().trim().max(1000, "a description has at most 1000 characters");
export const segmentDescription = segmentDescriptionText.default("");

/** A new segment, or a new version of one: its filter tree is checked against the workspace by the router. */
export const segmentSaveInput = z.object({ segmentId: segmentIdSchema.optional(), name: segmentName, description: segmentDescription, tree: z.unknown() });

/** A new name for a saved segment, and a new description when one is given (the list's Rename). */
export const segmentRenameInput = z.object({ segmentId: segmentIdSchema, name: segmentName, description: segmentDescriptionText.optional() });

/** A static segment from a pasted phone list. */
export const segmentUploadInput = z.object({
  name: segmentName,
  description: segmentDescription,
  phones: z.array(z.string().max(64)).min(1, "paste at least one phone number").max(200_000, "a list has at most 200,000 numbers"),
  country: z.string().length(2, "the country is a two-letter code, like IN or AE").optional(),
});
