/** The form's fill-time stamp: signed "shown at", refused when forged, from the future, or sent too soon. */
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { HONEYPOT_FIELD, honeypotFilled, judgeStamp, MAX_STAMP_AGE_MS, STAMP_FIELD } from "./form-guard";

const KEY = "test-secret-key-of-the-platform";
const OTHER_KEY = "another-instance-secret";

/** A stamp built the way the module builds it: `${at}.${HMAC-SHA256("interest-form:" + at) as base64url}`. */
const stampAt = (at: number, key = KEY) => `${at}.${crypto.createHmac("sha256", key).update(`interest-form:${at}`).digest("base64url")}`;

const SHOWN = Date.UTC(2025, 2, 10, 9, 0, 0);
const MIN = 5;

describe("judgeStamp", () => {
  it("accepts a stamp shown at least minSeconds ago", () => {
    expect(judgeStamp(stampAt(SHOWN), KEY, MIN, SHOWN + MIN * 1000)).toBe("ok");
    expect(judgeStamp(stampAt(SHOWN), KEY, MIN, SHOWN + 3_600_000)).toBe("ok");
  });

  it("calls a form sent sooner than minSeconds too fast", () => {
    expect(judgeStamp(stampAt(SHOWN), KEY, MIN, SHOWN + MIN * 1000 - 1)).toBe("tooFast");
    expect(judgeStamp(stampAt(SHOWN), KEY, MIN, SHOWN)).toBe("tooFast");
  });

  it("refuses a tampered signature or a backdated time", () => {
    const stamp = stampAt(SHOWN);
    const [at, signature] = stamp.split(".") as [string, string];
    const flipped = (signature[0] === "A" ? "B" : "A") + signature.slice(1);
    expect(judgeStamp(`${at}.${flipped}`, KEY, MIN, SHOWN + 60_000)).toBe("invalid");
    // the time changed under the old signature: a bot backdating the stamp
    expect(judgeStamp(`${SHOWN - 60_000}.${signature}`, KEY, MIN, SHOWN + 1000)).toBe("invalid");
  });

  it("refuses a stamp signed with another key", () => {
    expect(judgeStamp(stampAt(SHOWN, OTHER_KEY), KEY, MIN, SHOWN + 60_000)).toBe("invalid");
    expect(judgeStamp(stampAt(SHOWN, KEY), OTHER_KEY, MIN, SHOWN + 60_000)).toBe("invalid");
  });

  it("refuses garbage and non-strings", () => {
    const now = SHOWN + 60_000;
    for (const bad of [undefined, null, 42, SHOWN, ["x"], { at: SHOWN }, "", "garbage", `${SHOWN}`, `${SHOWN}.`, `${SHOWN}.short`, `abc.${stampAt(SHOWN).split(".")[1]}`, `${stampAt(SHOWN)}x`, ` ${stampAt(SHOWN)}`]) {
      expect(judgeStamp(bad, KEY, MIN, now), String(bad)).toBe("invalid");
    }
  });

  it("refuses a stamp more than 60 seconds in the future, tolerates clock skew up to that", () => {
    expect(judgeStamp(stampAt(SHOWN + 60_001), KEY, 0, SHOWN)).toBe("invalid");
    expect(judgeStamp(stampAt(SHOWN + 3_600_000), KEY, 0, SHOWN)).toBe("invalid");
    // within the skew allowance the stamp is genuine and counts as shown just now
    expect(judgeStamp(stampAt(SHOWN + 60_000), KEY, MIN, SHOWN)).toBe("tooFast");
    // Failed before the fix: with no minimum, another instance's clock a little ahead made it "tooFast".
    expect(judgeStamp(stampAt(SHOWN + 30_000), KEY, 0, SHOWN)).toBe("ok");
  });

  it("calls a stamp older than anyone keeps a form open expired (a bot replaying one it fetched once)", () => {
    expect(judgeStamp(stampAt(SHOWN), KEY, MIN, SHOWN + MAX_STAMP_AGE_MS)).toBe("ok");
    expect(judgeStamp(stampAt(SHOWN), KEY, MIN, SHOWN + MAX_STAMP_AGE_MS + 1)).toBe("expired");
  });
});

describe("honeypot", () => {
  it("has field names distinct from each other", () => {
    expect(HONEYPOT_FIELD).not.toBe(STAMP_FIELD);
    expect(HONEYPOT_FIELD.length).toBeGreaterThan(0);
  });

  it("counts only a non-blank string as filled", () => {
    expect(honeypotFilled("https://spam.example")).toBe(true);
    for (const empty of ["", "   ", null, undefined, 1]) expect(honeypotFilled(empty), String(empty)).toBe(false);
  });
});
