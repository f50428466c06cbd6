/**
 * The rejections of one batch or import, kept small whatever the input: the
 * first MAX_LISTED with their position and reason, then only a count per
 * reason. A body of a million bad lines must not become an answer of a
 * hundred megabytes (nor the work of building one).
 */

/** Rejections listed one by one with their position. */
export const MAX_LISTED = 100;
/** Distinct reasons counted; the rest are counted together, so reasons that echo input cannot grow the answer. */
const MAX_REASONS = 50;
export const OTHER_REASONS = "other reasons";

export interface RejectionSummary {
  rejectedCount: number;
  /** Present when more were rejected than listed: how many for each reason. */
  rejectionsTruncated?: true;
  rejectionsByReason?: Record<string, number>;
}

export class Rejections<T> {
  readonly listed: T[] = [];
  count = 0;
  private readonly byReason = new Map<string, number>();

  /**
   * Counts a rejection under `reason` (what is wrong, without its position) and
   * lists it, built only while the list has room: call in position order.
   */
  add(reason: string, listing: () => T): void {
    this.count++;
    if (this.listed.length < MAX_LISTED) this.listed.push(listing());
    const key = this.byReason.has(reason) || this.byReason.size < MAX_REASONS ? reason : OTHER_REASONS;
    this.byReason.set(key, (this.byReason.get(key) ?? 0) + 1);
  }

  summary(): RejectionSummary {
    if (this.count <= this.listed.length) return { rejectedCount: this.count };
    return { rejectedCount: this.count, rejectionsTruncated: true, rejectionsByReason: Object.fromEntries(this.byReason) };
  }
}
