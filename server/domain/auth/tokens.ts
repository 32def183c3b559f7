import crypto from "node:crypto";

/** A URL-safe secret with 256 bits of entropy, for session cookies and one-time links. */
export function newToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

/** Tokens are stored hashed: a leaked database gives no working links or sessions. */
export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

export function newId(): string {
  return crypto.randomUUID();
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}
