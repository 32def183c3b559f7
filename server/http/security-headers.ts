/**
 * Security headers on every response. Scripts need a per-request nonce because Remix
 * inlines its hydration data; everything else is self-only. In dev, Vite injects inline
 * styles and its HMR client, so the policy is relaxed there and only there.
 */
import crypto from "node:crypto";
import type { RequestHandler } from "express";

export function securityHeaders(options: { dev: boolean }): RequestHandler {
  return (_req, res, next) => {
    const nonce = crypto.randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    const scriptSrc = options.dev ? "'self' 'unsafe-inline'" : `'self' 'nonce-${nonce}'`;
    const styleSrc = options.dev ? "'self' 'unsafe-inline'" : "'self'";
    res.setHeader(
      "Content-Security-Policy",
      [
        "default-src 'self'",
        `script-src ${scriptSrc}`,
        `style-src ${styleSrc}`,
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ].join("; "),
    );
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    res.removeHeader("X-Powered-By");
    next();
  };
}
