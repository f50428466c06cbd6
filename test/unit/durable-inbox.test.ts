import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DurableInbox } from "@/server/ingestion/durable-inbox";

const dirs: string[] = [];
async function freshDir() {
  const dir = await mkdtemp(path.join(tmpdir(), "chatlens-inbox-"));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

const files = async (dir: string) => (await readdir(dir)).filter((f) => f.endsWith(".ndjson"));

describe("the durable inbox", () => {
  it("applies what it accepted, in order, many at a time, and then forgets it", async () => {
    const dir = await freshDir();
    const applied: number[][] = [];
    const inbox = new DurableInbox<number>(dir, async (entries) => void applied.push(entries));
    await Promise.all(Array.from({ length: 50 }, (_, i) => inbox.accept(i)));
    await inbox.idle();
    expect(applied.flat()).toEqual(Array.from({ length: 50 }, (_, i) => i));
    // 50 requests that arrived together share files and applies (group commit).
    expect(applied.length).toBeLessThan(50);
    expect(await files(dir)).toEqual([]);
  });

  it("keeps an entry on disk from the moment it is accepted until it is applied", async () => {
    const dir = await freshDir();
    let release!: () => void;
    const blocked = new Promise<void>((resolve) => (release = resolve));
    const inbox = new DurableInbox<string>(dir, () => blocked);
    await inbox.accept("a");
    await inbox.accept("b");
    expect((await files(dir)).length).toBeGreaterThan(0);
    release();
    await inbox.idle();
    expect(await files(dir)).toEqual([]);
  });

  it("after a crash, a new inbox on the same folder applies what the old one accepted", async () => {
    const dir = await freshDir();
    // The process dies before it applies anything: its apply never finishes.
    const dying = new DurableInbox<string>(dir, () => new Promise<void>(() => {}));
    await dying.accept("acknowledged 1");
    await dying.accept("acknowledged 2");

    const applied: string[] = [];
    const restarted = new DurableInbox<string>(dir, async (entries) => void applied.push(...entries));
    restarted.start();
    await restarted.idle();
    expect(applied).toEqual(["acknowledged 1", "acknowledged 2"]);
    expect(await files(dir)).toEqual([]);
  });

  it("keeps what it could not apply and applies it on the next try", async () => {
    const dir = await freshDir();
    const log: string[] = [];
    let failures = 1;
    const applied: string[] = [];
    const inbox = new DurableInbox<string>(
      dir,
      async (entries) => {
        if (failures-- > 0) throw new Error("the store is down");
        applied.push(...entries);
      },
      { log: (line) => log.push(line) },
    );
    await inbox.accept("x");
    await inbox.idle();
    expect(applied).toEqual(["x"]);
    expect(log.join("\n")).toContain("could not apply 1 accepted entries, retrying");
  });
});
