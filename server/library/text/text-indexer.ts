/**
 * Reads the text of uploaded files off the request path, one file at a time per instance.
 * A finished upload queues its blob and pokes the indexer; every instance also looks for
 * queued work now and then, which picks up blobs queued by another instance and claims that
 * went stale when an instance died mid-file. The queue is the library_blob_texts table, so
 * it needs nothing beyond the database both dialects already have.
 *
 * One file at a time is deliberate: pdftotext runs as a child process and the XML reader in
 * small slices, so the server keeps answering while a zip bomb or an endless PDF runs into
 * its limits (server/library/text/text-limits.ts).
 */
import type { Services } from "#server/services";
import { nowIso } from "#shared/time";
import { claimBlobText, countUnreadBlobTexts, storeBlobText } from "#db/queries/library-text";
import { extractText } from "./extract-text";
import { DEFAULT_TEXT_LIMITS, type TextLimits } from "./text-limits";

/** A claim older than this belongs to an instance that died: the file is read again. */
const STALE_CLAIM_MS = 10 * 60_000;
/** After this many claims a file that keeps killing its reader is given up. */
const MAX_ATTEMPTS = 3;

export interface TextIndexer {
  /** There is new work (a finished upload): start reading unless already reading. */
  poke(): void;
  /** Resolves when this instance has read everything queued (tests, shutdown). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export function createTextIndexer(services: Services, options: { pollMs?: number; limits?: TextLimits } = {}): TextIndexer {
  const limits = options.limits ?? DEFAULT_TEXT_LIMITS;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let warnedAboutPdf = false;

  async function readOne(): Promise<boolean> {
    const now = Date.now();
    const job = await claimBlobText(services.db, nowIso(), new Date(now - STALE_CLAIM_MS).toISOString());
    if (!job) return false;
    if (job.attempts > MAX_ATTEMPTS) {
      await storeBlobText(services.db, job.id, { status: "failed", text: null, truncated: false, note: "gave up after repeated attempts" }, nowIso());
      return true;
    }
    const started = performance.now();
    const result = await extractText(services.library.blobs, job, limits);
    if (result.status === "unsupported" && result.note && !warnedAboutPdf) {
      warnedAboutPdf = true;
      services.log.warn(`[library] ${result.note}: PDFs are not searchable until poppler-utils is installed`);
    }
    if (result.status === "failed") services.log.warn(`[library] no text from blob ${job.sha256.slice(0, 12)} (${job.kind}): ${result.note}`);
    await storeBlobText(services.db, job.id, result, nowIso());
    services.log.debug(`[library] text of ${job.sha256.slice(0, 12)} (${job.kind}): ${result.status} in ${(performance.now() - started).toFixed(0)} ms`);
    return true;
  }

  async function drain(): Promise<void> {
    do {
      again = false;
      while (!stopped && (await readOne())) {
        // Yield between files so a queue of many small files never starves requests.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } while (again && !stopped);
  }

  function poke(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = drain()
      .catch((error: unknown) => services.log.error("[library] text indexer failed", error))
      .finally(() => {
        running = null;
      });
  }

  const timer = setInterval(poke, options.pollMs ?? 30_000);
  timer.unref();
  // Work left by an earlier run of this or another instance.
  poke();

  return {
    poke,
    async idle() {
      for (;;) {
        if (running) await running;
        if (stopped || (await countUnreadBlobTexts(services.db)) === 0) return;
        poke();
        // Another instance may hold the claim: wait for it rather than spin.
        if (!running) await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      if (running) await running;
    },
  };
}
