/**
 * The legitimate side of the fuzz campaign, in its own process so the fuzzer's CPU work
 * does not delay its timers and sockets: two stock y-websocket editors (two different
 * people) on a document nobody hostile touches. Every `intervalMs` the first replaces the
 * text with a tag `#<n>#`; the round trip is the time until the second sees that tag. Also
 * times GET /healthz every 200 ms. Reports each sample to the parent over IPC:
 *   { kind: "rtt" | "healthz", at: Date.now(), ms }   { kind: "lost", at }   { kind: "ready" }
 * Started by bench/fuzz/run.ts with one JSON argument: { url, doc, cookies: [a, b], intervalMs }.
 */
import { openDoc } from "#server/testing/collab-client";
import type { TestClient } from "#server/testing/http-client";

interface ProbeOptions {
  url: string;
  doc: string;
  cookies: [string, string];
  intervalMs: number;
}

export type ProbeMessage = { kind: "ready" } | { kind: "rtt" | "healthz"; at: number; ms: number } | { kind: "lost"; at: number };

const options = JSON.parse(process.argv[2] ?? "{}") as ProbeOptions;
const report = (message: ProbeMessage) => process.send?.(message);
const asClient = (cookie: string) => ({ cookieHeader: () => cookie }) as unknown as TestClient;

const LOST_AFTER_MS = 10_000;

async function main() {
  const writer = openDoc(options.url, asClient(options.cookies[0]), options.doc);
  const watcher = openDoc(options.url, asClient(options.cookies[1]), options.doc);
  await Promise.all([writer.synced, watcher.synced]);

  const sent = new Map<number, number>();
  watcher.doc.getText("t").observe((event) => {
    const now = performance.now();
    for (const op of event.delta) {
      if (typeof op.insert !== "string") continue;
      for (const match of op.insert.matchAll(/#(\d+)#/g)) {
        const n = Number(match[1]);
        const at = sent.get(n);
        if (at === undefined) continue;
        sent.delete(n);
        report({ kind: "rtt", at: Date.now(), ms: now - at });
      }
    }
  });

  let n = 0;
  const text = writer.doc.getText("t");
  const edit = setInterval(() => {
    const now = performance.now();
    for (const [k, at] of sent) {
      if (now - at < LOST_AFTER_MS) break;
      sent.delete(k);
      report({ kind: "lost", at: Date.now() });
    }
    n++;
    sent.set(n, now);
    writer.doc.transact(() => {
      text.delete(0, text.length);
      text.insert(0, `#${n}#`);
    });
  }, options.intervalMs);

  let probing = false;
  const health = setInterval(() => {
    if (probing) return;
    probing = true;
    const started = performance.now();
    fetch(`${options.url}/healthz`, { signal: AbortSignal.timeout(30_000) })
      .then(async (response) => {
        await response.arrayBuffer();
        if (response.ok) report({ kind: "healthz", at: Date.now(), ms: performance.now() - started });
      })
      .catch(() => undefined)
      .finally(() => (probing = false));
  }, 200);

  process.on("message", (message) => {
    if (message !== "stop") return;
    clearInterval(edit);
    clearInterval(health);
    writer.destroy();
    watcher.destroy();
    setTimeout(() => process.exit(0), 100);
  });
  report({ kind: "ready" });
}

main().catch((error: unknown) => {
  console.error("legit probe failed:", error);
  process.exit(1);
});
