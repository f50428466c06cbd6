import { readFileSync, statSync } from "node:fs";
import path from "node:path";

/**
 * The pid of another process holding the embedded store's directory, or null.
 * chDB locks `<dir>/status` with flock; asking the kernel first (Linux's
 * /proc/locks) lets us say so in one line, instead of letting the engine
 * print its own exception while it fails to open the directory.
 */
export function dataDirHolder(dataDir: string): number | null {
  let inode: number;
  let locks: string;
  try {
    inode = statSync(path.join(dataDir, "status")).ino;
    locks = readFileSync("/proc/locks", "utf8");
  } catch {
    return null; // no store there yet, or not Linux: chDB will tell
  }
  for (const line of locks.split("\n")) {
    const fields = line.trim().split(/\s+/);
    // "1: FLOCK ADVISORY WRITE <pid> <maj>:<min>:<inode> 0 EOF"
    const pid = Number(fields[4]);
    if (fields[1] === "FLOCK" && fields[5]?.endsWith(`:${inode}`) && pid !== process.pid) return pid;
  }
  return null;
}
