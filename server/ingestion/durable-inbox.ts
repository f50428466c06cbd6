import { mkdir, open, readdir, readFile, rename, unlink } from "node:fs/promises";
import path from "node:path";

/**
 * Work accepted now and applied a moment later, never lost in between.
 *
 * `accept` resolves once the entry is on disk (written and fsynced): from then
 * on a crash cannot lose it, so a caller may acknowledge it. Entries that
 * arrive together share one file and one fsync (group commit), so a burst of
 * small requests costs one disk flush, not one each.
 *
 * In the background, `apply` receives what is on disk, many files at a time, so
 * the slow part (for the webhook: the ingestion round and its read-model
 * refresh) runs once for hundreds of requests instead of once each. A file is
 * deleted only after `apply` resolved for it; after a crash, the files left
 * over are applied again when the inbox starts, so `apply` must be idempotent
 * (ingestion drops events whose ids it already has). A failed `apply` keeps
 * its files and is retried with a growing pause.
 */
export class DurableInbox<T> {
  private waiting: Array<{ line: string; resolve: () => void; reject: (err: unknown) => void }> = [];
  private flushing: Promise<void> | null = null;
  private applying: Promise<void> | null = null;
  private ready: Promise<void> | null = null;
  private seq = 0;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly dir: string,
    private readonly apply: (entries: T[]) => Promise<void>,
    private readonly opts: { maxEntriesPerApply?: number; log?: (line: string) => void } = {},
  ) {}

  /** Resolves when `entry` is on disk. */
  accept(entry: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ line: `${JSON.stringify(entry)}\n`, resolve, reject });
      this.scheduleFlush();
    });
  }

  /** Applies what an earlier process left on disk (call once at start). */
  start(): void {
    this.kick();
  }

  /** Resolves when everything accepted so far has been applied (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.flushing || this.applying || this.retryTimer) {
      if (this.retryTimer) {
        clearTimeout(this.retryTimer);
        this.retryTimer = null;
        this.kick();
      }
      await (this.flushing ?? this.applying);
    }
  }

  private scheduleFlush() {
    if (this.flushing) return;
    this.flushing = this.flush().finally(() => {
      this.flushing = null;
      // Entries that came in while the last write finished.
      if (this.waiting.length) this.scheduleFlush();
    });
  }

  private ensureDir(): Promise<void> {
    return (this.ready ??= mkdir(this.dir, { recursive: true }).then(() => undefined));
  }

  private async flush(): Promise<void> {
    await this.ensureDir();
    while (this.waiting.length) {
      const batch = this.waiting.splice(0);
      try {
        await this.writeDurably(batch.map((b) => b.line).join(""));
        for (const b of batch) b.resolve();
      } catch (err) {
        for (const b of batch) b.reject(err);
      }
    }
    this.kick();
  }

  /** Writes a new file whole (temp file, fsync, rename, fsync the folder): the applier never sees half of one. */
  private async writeDurably(text: string) {
    // Sortable names keep the order entries were accepted in.
    const name = `${String(Date.now()).padStart(15, "0")}-${String(process.pid).padStart(7, "0")}-${String(this.seq++).padStart(9, "0")}.ndjson`;
    const file = path.join(this.dir, name);
    const handle = await open(`${file}.tmp`, "w");
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(`${file}.tmp`, file);
    const folder = await open(this.dir, "r");
    try {
      await folder.sync();
    } finally {
      await folder.close();
    }
  }

  private kick() {
    this.applying ??= this.applyAll()
      .catch((err: unknown) => this.opts.log?.(`the inbox stopped applying: ${(err as Error).message}`))
      .finally(() => {
        this.applying = null;
      });
  }

  private async applyAll(): Promise<void> {
    await this.ensureDir();
    const max = this.opts.maxEntriesPerApply ?? 20_000;
    for (let pause = 0; ; ) {
      const files = (await readdir(this.dir)).filter((f) => f.endsWith(".ndjson")).sort();
      if (files.length === 0) return;
      const taken: string[] = [];
      const entries: T[] = [];
      for (const file of files) {
        if (taken.length && entries.length >= max) break;
        try {
          const lines = (await readFile(path.join(this.dir, file), "utf8")).split("\n").filter(Boolean);
          entries.push(...lines.map((line) => JSON.parse(line) as T));
          taken.push(file);
        } catch (err) {
          // Files are written whole, so this is damage from outside: set it aside for a person, keep going.
          this.opts.log?.(`set aside ${file}, which cannot be read: ${(err as Error).message}`);
          await rename(path.join(this.dir, file), path.join(this.dir, `${file}.unreadable`));
        }
      }
      try {
        await this.apply(entries);
      } catch (err) {
        // Kept on disk: retried after a pause that grows to a minute.
        pause = Math.min(60_000, pause ? pause * 2 : 500);
        this.opts.log?.(`could not apply ${entries.length} accepted entries, retrying in ${pause} ms: ${(err as Error).message}`);
        this.retryTimer = setTimeout(() => {
          this.retryTimer = null;
          this.kick();
        }, pause);
        return;
      }
      await Promise.all(taken.map((f) => unlink(path.join(this.dir, f))));
      pause = 0;
    }
  }
}
