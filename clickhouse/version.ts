let last = 0;

/**
 * The `version` of a new config row: microseconds since the epoch, strictly
 * increasing within the process, so two edits of one entity in the same
 * millisecond still have a clear winner in ReplacingMergeTree.
 */
export function nextVersion(): number {
  last = Math.max(Date.now() * 1000, last + 1);
  return last;
}
