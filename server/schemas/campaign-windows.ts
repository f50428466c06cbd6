import { z } from "zod";
import {
  DEFAULT_REPLY_WINDOW_HOURS,
  MAX_REPLY_WINDOW_HOURS,
  MIN_REPLY_WINDOW_HOURS,
} from "@/clickhouse/queries/campaign-common";
import { DEFAULT_ATTRIBUTION_DAYS, MAX_ATTRIBUTION_DAYS, MIN_ATTRIBUTION_DAYS } from "@/clickhouse/vocabulary/attribution";

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

/**
 * The attribution window of a conversions report: a conversion counts for the
 * campaign last delivered to the contact before it when it comes within this
 * many days of that delivery (clickhouse/queries/conversions.ts).
 */
export const attributionWindow = {
  attributionDays: z
    .number({ error: "the attribution window is a number of days" })
    .int("the attribution window is a whole number of days")
    .min(MIN_ATTRIBUTION_DAYS, `the attribution window is at least ${MIN_ATTRIBUTION_DAYS} day`)
    .max(MAX_ATTRIBUTION_DAYS, `the attribution window is at most ${MAX_ATTRIBUTION_DAYS} days`)
    .default(DEFAULT_ATTRIBUTION_DAYS),
};
