import { describe, expect, it } from "vitest";
import { SignInThrottle, waitText } from "@/server/auth/sign-in-throttle";

const MINUTE = 60_000;

/** A throttle on a clock the test moves by hand. */
function throttle(limits: Partial<ConstructorParameters<typeof SignInThrottle>[0]> = {}) {
  let now = Date.parse("2026-11-23T09:00:00Z");
  const t = new SignInThrottle({ accountFailures: 5, addressFailures: 50, ...limits }, () => now);
  return { t, advance: (ms: number) => (now += ms) };
}

function fail(t: SignInThrottle, times: number, email = "asha@example.com", address = "203.0.113.7") {
  for (let i = 0; i < times; i++) t.recordFailure(email, address);
}

describe("SignInThrottle, by email", () => {
  it("lets four failures through and refuses after the fifth, for a minute", () => {
    const { t, advance } = throttle();
    fail(t, 4);
    expect(t.refusal("asha@example.com", "203.0.113.7")).toBeNull();
    fail(t, 1);
    expect(t.refusal("asha@example.com", "203.0.113.7")).toEqual({ scope: "account", waitMs: MINUTE });
    // Another address does not help: the lock is the account's.
    expect(t.refusal("asha@example.com", "198.51.100.9")).toMatchObject({ scope: "account" });
    advance(MINUTE);
    expect(t.refusal("asha@example.com", "203.0.113.7")).toBeNull();
  });

  it("doubles the lock with every failure after it ends, up to an hour", () => {
    const { t, advance } = throttle();
    fail(t, 5);
    const locks: number[] = [];
    for (let i = 0; i < 9; i++) {
      const wait = t.refusal("asha@example.com", "x")!.waitMs;
      locks.push(wait / MINUTE);
      advance(wait);
      fail(t, 1, "asha@example.com", "x");
    }
    expect(locks).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
  });

  it("forgets failures once none came for the window (15 minutes after the last lock ended)", () => {
    const { t, advance } = throttle();
    fail(t, 4);
    advance(15 * MINUTE + 1);
    fail(t, 4);
    expect(t.refusal("asha@example.com", "203.0.113.7")).toBeNull();
    fail(t, 1);
    expect(t.refusal("asha@example.com", "203.0.113.7")).not.toBeNull();
  });

  it("a successful sign-in clears the email's failures", () => {
    const { t } = throttle();
    fail(t, 4);
    t.recordSuccess("asha@example.com");
    fail(t, 4);
    expect(t.refusal("asha@example.com", "203.0.113.7")).toBeNull();
  });

  it("emails are one account whatever their case", () => {
    const { t } = throttle();
    fail(t, 5, "Asha@Example.com");
    expect(t.refusal("asha@example.com", "203.0.113.7")).toMatchObject({ scope: "account" });
  });
});

describe("SignInThrottle, by address", () => {
  it("gives an address a larger budget, over every email it tries", () => {
    const { t } = throttle({ addressFailures: 12 });
    for (let i = 0; i < 11; i++) t.recordFailure(`user${i}@example.com`, "203.0.113.7");
    expect(t.refusal("new@example.com", "203.0.113.7")).toBeNull();
    t.recordFailure("user11@example.com", "203.0.113.7");
    expect(t.refusal("new@example.com", "203.0.113.7")).toEqual({ scope: "address", waitMs: MINUTE });
    expect(t.refusal("new@example.com", "198.51.100.9")).toBeNull();
  });

  it("a success does not clear the address's failures (one known account must not reset a guessing run)", () => {
    const { t } = throttle({ addressFailures: 3 });
    fail(t, 2, "a@example.com");
    t.recordSuccess("mine@example.com");
    fail(t, 1, "b@example.com");
    expect(t.refusal("c@example.com", "203.0.113.7")).toMatchObject({ scope: "address" });
  });
});

describe("SignInThrottle memory", () => {
  it("keeps at most maxEntries per map, dropping the stalest first", () => {
    const { t, advance } = throttle({ maxEntries: 100 });
    for (let i = 0; i < 1_000; i++) {
      t.recordFailure(`user${i}@example.com`, `10.0.${i >> 8}.${i & 255}`);
      advance(1);
    }
    expect(t.size()).toEqual({ accounts: 100, addresses: 100 });
    // A locked account is among the newest, so it is kept.
    fail(t, 5, "locked@example.com");
    expect(t.refusal("locked@example.com", "203.0.113.7")).not.toBeNull();
  });
});

describe("waitText", () => {
  it("says how long in words a person reads at a glance", () => {
    expect(waitText(1_000)).toBe("1 second");
    expect(waitText(24_100)).toBe("25 seconds");
    expect(waitText(42_100)).toBe("1 minute");
    expect(waitText(60_000)).toBe("1 minute");
    expect(waitText(61_000)).toBe("2 minutes");
    expect(waitText(60 * 60_000)).toBe("60 minutes");
  });
});
