/**
 * Failed sign-ins, counted by email and by client address, so a password
 * cannot be guessed by trying many: after `accountFailures` failures for one
 * email (whether or not it has an account, so a lock tells nothing about who
 * has one), or `addressFailures` from one address over any emails, further
 * attempts are refused for a minute, then 2, 4… up to an hour as failures go
 * on. Failures are forgotten after a quiet window of 15 minutes.
 *
 * The state is in this process's memory, in two maps of bounded size: it
 * holds for a single ChatLens server (what `npm start` runs), is lost on a
 * restart, and is not shared between several servers behind one address.
 */

export interface ThrottleLimits {
  /** Failures for one email before it is locked (CHATLENS_SIGNIN_MAX_FAILURES). */
  accountFailures: number;
  /** Failures from one client address before it is locked (CHATLENS_SIGNIN_MAX_FAILURES_PER_ADDRESS). */
  addressFailures: number;
  windowMs?: number;
  firstLockMs?: number;
  maxLockMs?: number;
  /** Entries kept per map; past it the stalest go first. */
  maxEntries?: number;
}

export interface Refusal {
  scope: "account" | "address";
  waitMs: number;
}

interface Failures {
  count: number;
  lastFailureAt: number;
  lockedUntil: number;
}

const MINUTE = 60_000;

class FailureCounter {
  private readonly entries = new Map<string, Failures>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly firstLockMs: number,
    private readonly maxLockMs: number,
    private readonly maxEntries: number,
  ) {}

  get size() {
    return this.entries.size;
  }

  /** Whether `f` still matters at `now`: locked, or a failure within the window after the last lock. */
  private current(f: Failures, now: number): boolean {
    return now - Math.max(f.lastFailureAt, f.lockedUntil) <= this.windowMs;
  }

  waitMs(key: string, now: number): number {
    const f = this.entries.get(key);
    return f && f.lockedUntil > now ? f.lockedUntil - now : 0;
  }

  fail(key: string, now: number): void {
    const previous = this.entries.get(key);
    const f = previous && this.current(previous, now) ? previous : { count: 0, lastFailureAt: now, lockedUntil: 0 };
    f.count++;
    f.lastFailureAt = now;
    if (f.count >= this.limit) {
      // The 5th failure locks for a minute, each one after the lock ends doubles it.
      const doublings = Math.min(f.count - this.limit, 30);
      f.lockedUntil = now + Math.min(this.maxLockMs, this.firstLockMs * 2 ** doublings);
    }
    // Re-inserted at the end: the map's order is then oldest change first.
    this.entries.delete(key);
    this.makeRoom(now);
    this.entries.set(key, f);
  }

  clear(key: string): void {
    this.entries.delete(key);
  }

  private makeRoom(now: number): void {
    if (this.entries.size < this.maxEntries) return;
    for (const [key, f] of this.entries) {
      if (!this.current(f, now)) this.entries.delete(key);
    }
    // Still full of current entries (a flood of addresses or emails): the stalest give way.
    for (const key of this.entries.keys()) {
      if (this.entries.size < this.maxEntries) break;
      this.entries.delete(key);
    }
  }
}

export class SignInThrottle {
  private readonly accounts: FailureCounter;
  private readonly addresses: FailureCounter;

  constructor(
    limits: ThrottleLimits,
    private readonly now: () => number = Date.now,
  ) {
    const windowMs = limits.windowMs ?? 15 * MINUTE;
    const firstLockMs = limits.firstLockMs ?? MINUTE;
    const maxLockMs = limits.maxLockMs ?? 60 * MINUTE;
    const maxEntries = limits.maxEntries ?? 50_000;
    this.accounts = new FailureCounter(limits.accountFailures, windowMs, firstLockMs, maxLockMs, maxEntries);
    this.addresses = new FailureCounter(limits.addressFailures, windowMs, firstLockMs, maxLockMs, maxEntries);
  }

  /** Why an attempt must not even be checked now, or null. */
  refusal(email: string, address: string): Refusal | null {
    const now = this.now();
    const account = this.accounts.waitMs(email.toLowerCase(), now);
    if (account > 0) return { scope: "account", waitMs: account };
    const fromAddress = this.addresses.waitMs(address, now);
    if (fromAddress > 0) return { scope: "address", waitMs: fromAddress };
    return null;
  }

  recordFailure(email: string, address: string): void {
    const now = this.now();
    this.accounts.fail(email.toLowerCase(), now);
    this.addresses.fail(address, now);
  }

  /** The account's failures are forgotten; the address's are not, or one known password would reset a guessing run. */
  recordSuccess(email: string): void {
    this.accounts.clear(email.toLowerCase());
  }

  size() {
    return { accounts: this.accounts.size, addresses: this.addresses.size };
  }
}

function positiveInt(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

let shared: SignInThrottle | undefined;

/** The process's throttle, with the limits of the environment. */
export function signInThrottle(): SignInThrottle {
  shared ??= new SignInThrottle({
    accountFailures: positiveInt("CHATLENS_SIGNIN_MAX_FAILURES", 5),
    addressFailures: positiveInt("CHATLENS_SIGNIN_MAX_FAILURES_PER_ADDRESS", 50),
  });
  return shared;
}

/** "25 seconds", "1 minute", "12 minutes": a wait, rounded up; past half a minute, to whole minutes. */
export function waitText(ms: number): string {
  if (ms <= MINUTE / 2) {
    const s = Math.max(1, Math.ceil(ms / 1000));
    return `${s} second${s === 1 ? "" : "s"}`;
  }
  const m = Math.ceil(ms / MINUTE);
  return `${m} minute${m === 1 ? "" : "s"}`;
}
