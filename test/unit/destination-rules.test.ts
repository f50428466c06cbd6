import { describe, expect, it } from "vitest";
import { MAX_FAILED_ATTEMPTS, nextScheduled, RETRY_CAP_MS, retryDelayMs } from "@/server/sync/backoff";
import { signBody, verifySignature } from "@/server/sync/signature";
import { destinationUrlProblem, loopbackAllowed } from "@/server/sync/url";

const production = { NODE_ENV: "production" } as NodeJS.ProcessEnv;

describe("destination addresses", () => {
  it("take https anywhere, and http only to this machine where loopback is allowed", () => {
    expect(destinationUrlProblem("https://crm.example.com/hook?token=1", production)).toBeNull();
    expect(destinationUrlProblem("http://localhost:8080/hook", { NODE_ENV: "development" } as NodeJS.ProcessEnv)).toBeNull();
    expect(destinationUrlProblem("http://127.0.0.1:8080/hook", { ...production, CHATLENS_SYNC_ALLOW_LOOPBACK: "1" })).toBeNull();
    expect(destinationUrlProblem("http://127.0.0.1:8080/hook", production)).toBe("this server does not send audiences to itself over http://; use an https:// address");
    expect(destinationUrlProblem("http://[::1]/hook", { NODE_ENV: "test", CHATLENS_SYNC_ALLOW_LOOPBACK: "0" } as NodeJS.ProcessEnv)).toContain("use an https:// address");
    // A name that merely starts like loopback is someone else's server.
    expect(destinationUrlProblem("http://localhost.evil.example/hook", { NODE_ENV: "test" } as NodeJS.ProcessEnv)).toContain("use https://");
    expect(loopbackAllowed(production)).toBe(false);
    expect(loopbackAllowed({ NODE_ENV: "test" } as NodeJS.ProcessEnv)).toBe(true);
  });
});

describe("retries", () => {
  it("wait 1, 2, 4… minutes, between half and all of it, at most 30 minutes", () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, () => 0))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, () => 0.999_999))).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(retryDelayMs(20, () => 0.999_999)).toBeLessThanOrEqual(RETRY_CAP_MS);
    expect(retryDelayMs(20, () => 0)).toBe(RETRY_CAP_MS / 2);
    expect(MAX_FAILED_ATTEMPTS).toBe(5);
    expect(nextScheduled("manual", 0)).toBeNull();
    expect(nextScheduled("hourly", 0)).toBe(3600_000);
    expect(nextScheduled("daily", 0)).toBe(86_400_000);
  });
});

describe("signatures", () => {
  it("bind the timestamp to the body, so neither can be changed or replayed late", () => {
    const t = 1_800_000_000;
    const signature = signBody("whsec_x", t, '{"action":"join"}\n');
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifySignature("whsec_x", '{"action":"join"}\n', { signature, timestamp: String(t) }, t + 10)).toBe(true);
    expect(verifySignature("whsec_x", '{"action":"join"}\n', { signature, timestamp: String(t + 1) }, t + 10)).toBe(false);
    expect(verifySignature("whsec_x", '{"action":"join"}\n', { signature, timestamp: String(t) }, t + 301)).toBe(false);
  });
});
