import { z } from "zod";
import { destinationUrlProblem } from "../sync/url";

/** A segment's destinations (server/routers/destinations.ts; the Connect form too). */

export const destinationSegmentId = z.string().min(1).max(64);
export const destinationId = z.string().min(1).max(64);
export const destinationName = z.string().trim().min(1, "give the destination a name").max(80, "a name has at most 80 characters");
export const destinationSchedule = z.enum(["manual", "hourly", "daily"], "pick manual, hourly or daily");

/**
 * A destination's address under an environment's rules (server/sync/url.ts):
 * by default the running server's. Only the server knows whether it may send
 * to itself over http://, so the browser's form (BROWSER_RULES) lets a
 * loopback address through and leaves that one question to it.
 */
function destinationUrl(env?: NodeJS.ProcessEnv) {
  return z
    .string()
    .trim()
    .max(2000, "an address has at most 2,000 characters")
    .superRefine((value, ctx) => {
      const problem = destinationUrlProblem(value, env);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    });
}
const BROWSER_RULES: NodeJS.ProcessEnv = { NODE_ENV: "production", CHATLENS_SYNC_ALLOW_LOOPBACK: "1" };

export const destinationCreateInput = z.object({ segmentId: destinationSegmentId, name: destinationName, url: destinationUrl(), schedule: destinationSchedule });
export const destinationUpdateInput = z.object({ destinationId, name: destinationName, schedule: destinationSchedule });

/** The Connect form: what a person types, checked as the server will (but for loopback, above). */
export const destinationConnectForm = z.object({ name: destinationName, url: destinationUrl(BROWSER_RULES), schedule: destinationSchedule });
