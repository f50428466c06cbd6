import { z } from "zod";
import {
  DEFAULT_REPLY_WINDOW_HOURS,
  MAX_REPLY_WINDOW_HOURS,
  MIN_REPLY_WINDOW_HOURS,
} from "@/clickhouse/queries/campaign-common";

/**
 * The reply window of a campaign report: a reply without WhatsApp's context
 * counts when it arrives within this many hours of the send. Spread into the
 * input of every procedure whose figures include replies, so the funnel, the
 * drill-down, the audiences and a saved segment agree.
 */
export const replyWindow = {
  replyWindowHours: z
    .number({ error: "the reply window is a number of hours" })
    .int("the reply window is a whole number of hours")
    .min(MIN_REPLY_WINDOW_HOURS, `the reply window is at least ${MIN_REPLY_WINDOW_HOURS} hour`)
    .max(MAX_REPLY_WINDOW_HOURS, `the reply window is at most ${MAX_REPLY_WINDOW_HOURS} hours (30 days)`)
    .default(DEFAULT_REPLY_WINDOW_HOURS),
};
