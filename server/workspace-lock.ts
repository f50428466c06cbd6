/**
 * Runs read-check-write changes to one workspace's configuration one at a
 * time in this process, so two admins pressing a button at once cannot both
 * pass a check that only one of them should (the last admin demoted twice, a
 * 21st attribute created twice). Config tables have no transactions; the app
 * runs as one process per data directory, so an in-process queue is enough.
 */
const queues = new Map<string, Promise<unknown>>();

export async function withWorkspaceConfigLock<T>(workspaceId: string, scope: string, fn: () => Promise<T>): Promise<T> {
  const key = `${workspaceId}\u0000${scope}`;
  const previous = queues.get(key) ?? Promise.resolve();
  const run = previous.then(fn, fn);
  const tail = run.catch(() => undefined);
  queues.set(key, tail);
  try {
    return await run;
  } finally {
    if (queues.get(key) === tail) queues.delete(key);
  }
}
