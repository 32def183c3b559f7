/**
 * The build's precompressed files reach the browser as they were written: a browser that
 * accepts gzip gets the .gz twin's very bytes with the original's type and caching, one that
 * does not gets the plain file, and a path that does not decode falls through untouched.
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staticAssets } from "./static-assets";
import { precompress } from "../scripts/precompress-assets.mjs";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "static-assets-"));
// A real library's code: the gain from zopfli shows on code, not on repeated text.
const script = fs.readFileSync(path.resolve("node_modules/@tiptap/core/dist/index.js"), "utf8");
let zopfli: Buffer;
let server: http.Server;
let base: string;

beforeAll(async () => {
  fs.writeFileSync(path.join(dir, "chunk-abc.js"), script);
  fs.writeFileSync(path.join(dir, "plain.css"), "body{margin:0}");
  // The build's own step writes the twins (none for a file too small to gain from it).
  await precompress(dir);
  zopfli = fs.readFileSync(path.join(dir, "chunk-abc.js.gz"));
  const app = express();
  app.use("/assets", staticAssets(dir, { immutable: true, maxAge: "1y" }));
  app.use((_req, res) => res.status(404).send("fallthrough"));
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A raw GET: fetch() would decompress and hide what was sent. */
function get(urlPath: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get(`${base}${urlPath}`, { headers }, (res) => {
        const parts: Buffer[] = [];
        res.on("data", (part: Buffer) => parts.push(part));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
      })
      .on("error", reject);
  });
}

describe("precompressed static assets", () => {
  it("sends the zopfli bytes to a browser that accepts gzip, typed and cached as the script", async () => {
    const res = await get("/assets/chunk-abc.js", { "Accept-Encoding": "gzip, deflate, br" });
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(res.headers["content-type"]).toMatch(/^(text|application)\/javascript/);
    expect(res.headers["vary"]).toContain("Accept-Encoding");
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(res.body.equals(zopfli)).toBe(true);
    expect(zlib.gunzipSync(res.body).toString()).toBe(script);
    // Smaller than what zlib would have made on the fly: the reason for precompressing.
    expect(res.body.length).toBeLessThan(zlib.gzipSync(script).length);
  });

  it("sends the plain file to a client that does not accept gzip, and files without a twin as they are", async () => {
    const plain = await get("/assets/chunk-abc.js", { "Accept-Encoding": "identity" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
    const css = await get("/assets/plain.css", { "Accept-Encoding": "gzip" });
    expect(css.headers["content-encoding"]).toBeUndefined();
    expect(css.body.toString()).toBe("body{margin:0}");
  });

  it("lets a path that does not decode, or names no file, go on to the next handler", async () => {
    expect(await get("/assets/%E0%A4%A.js", { "Accept-Encoding": "gzip" })).toMatchObject({ status: 404, body: Buffer.from("fallthrough") });
    expect(await get("/assets/missing.js", { "Accept-Encoding": "gzip" })).toMatchObject({ status: 404, body: Buffer.from("fallthrough") });
  });
});
