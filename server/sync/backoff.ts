/**
 * When a failed delivery is tried again: 1 minute after the first failure,
 * then 2, 4, 8…, at most 30 minutes, each drawn between half and all of that
 * ("equal jitter"), so receivers that failed together are not all retried in
 * the same second. After MAX_FAILED_ATTEMPTS failures in a row the
 * destination is paused.
 */
export const RETRY_BASE_MS = 60_000;
export const RETRY_CAP_MS = 30 * 60_000;
export const MAX_FAILED_ATTEMPTS = 5;

/** The pause after the `failures`-th failure in a row (1, 2…); `random` in [0, 1). */
export function retryDelayMs(failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

export const SCHEDULE_MS = { hourly: 60 * 60_000, daily: 24 * 60 * 60_000 } as const;

/** The next scheduled sync after one at `from`, or null for a destination synced by hand only. */
export function nextScheduled(schedule: "manual" | "hourly" | "daily", from: number): number | null {
  return schedule === "manual" ? null : from + SCHEDULE_MS[schedule];
}
