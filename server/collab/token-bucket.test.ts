import { describe, expect, it } from "vitest";
import { SendAllowance, TokenBucket } from "./token-bucket";

describe("TokenBucket", () => {
  it("lets a burst through, refuses beyond it, and refills at its rate", () => {
    let now = 0;
    const bucket = new TokenBucket(10, 100, () => now);
    for (let i = 0; i < 100; i++) expect(bucket.take(1)).toBe(true);
    expect(bucket.take(1)).toBe(false);
    now += 500; // half a second: five tokens
    for (let i = 0; i < 5; i++) expect(bucket.take(1)).toBe(true);
    expect(bucket.take(1)).toBe(false);
    expect(bucket.full).toBe(false);
    now += 60_000;
    expect(bucket.full).toBe(true);
    // A refused take takes nothing.
    expect(bucket.take(101)).toBe(false);
    expect(bucket.take(100)).toBe(true);
  });
});

describe("SendAllowance", () => {
  it("counts messages and bytes separately", () => {
    let now = 0;
    const allowance = new SendAllowance(2, 1000, 10, () => now);
    expect(allowance.take(10_000, 0)).toBe(true); // the whole byte burst
    expect(allowance.take(1, 0)).toBe(false);
    for (let i = 0; i < 20; i++) expect(allowance.take(0, 1)).toBe(true);
    expect(allowance.take(0, 1)).toBe(false);
    now += 1000;
    expect(allowance.take(1000, 2)).toBe(true);
  });
});
