/**
 * Short fuzz run of the collab endpoint (the long one is `npm run bench:fuzz`): fast-check
 * generates frame sequences (sync, update and awareness messages built from real Yjs edits
 * and then damaged, random bytes, text frames, frames written by hand) and upgrade requests
 * (odd paths, percent-encodings, headers, HTTP versions, requests cut short); see
 * server/testing/collab-fuzz/arbitraries.ts. Runs on SQLite and PostgreSQL.
 *
 * Properties, checked per batch:
 *  - nothing throws out of the server (an uncaught error or unhandled rejection fails the
 *    batch; it would also end the vitest worker, as it would end the real process);
 *  - every hostile socket is still open and answering, or was closed with a code from
 *    COLLAB_CLOSE, 1006 or 1009 (1002/1007 too after frames written by hand);
 *  - every upgrade request is answered with an HTTP status or closed (never a crash);
 *  - /healthz answers 200, and two honest editors (the stock y-websocket provider) on the
 *    fuzzed document still converge.
 *
 * Env: COLLAB_FUZZ_SEED (fixed by default, printed on failure), COLLAB_FUZZ_SEQUENCES
 * (frame sequences, default 2000), COLLAB_FUZZ_REQUESTS (upgrade requests, default 1000).
 * On failure the message names the seed and path, and lists the batch's offending frames
 * (hex) or requests, ready to paste into a regression test.
 */
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { useTestServer } from "#server/testing/use-test-server";
import { loggedInUser } from "#server/testing/logged-in-user";
import { buildNetwork, buildWorkProgramme } from "#server/testing/factories";
import { eventually, openDoc, type DocClient } from "#server/testing/collab-client";
import { SHORT_RUN_SIZES, describeRequest, frameSequenceArb, renderUpgradeRequest, upgradeRequestArb, type UpgradeContext } from "#server/testing/collab-fuzz/arbitraries";
import { HostileSession, describeSequence, inParallel, sendRawRequest, type RequestOutcome } from "#server/testing/collab-fuzz/drivers";
import type { FrameSequence, WireMessage } from "#server/testing/collab-fuzz/arbitraries";
import type { TestClient } from "#server/testing/http-client";
import { SESSION_COOKIE } from "#server/domain/auth/sessions";
import { hashToken, newToken } from "#server/domain/auth/tokens";
import { insertSession } from "#db/queries/sessions";
import { buildUser, type UserOptions } from "#server/testing/factories";

const SEED = Number(process.env.COLLAB_FUZZ_SEED ?? 20_261_204);
const SEQUENCES = Number(process.env.COLLAB_FUZZ_SEQUENCES ?? 2000);
const REQUESTS = Number(process.env.COLLAB_FUZZ_REQUESTS ?? 1000);
const SEQUENCES_PER_BATCH = 25;
const REQUESTS_PER_BATCH = 50;

const server = useTestServer();

/** Errors that escaped the server: in production each would have ended the process. */
const escaped: string[] = [];
const onEscaped = (error: unknown) => escaped.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
/** What the server logged as errors (expected for bad input: shown in the summary, not failed on). */
const logged = new Map<string, number>();
const firstStacks = new Map<string, string>();

beforeAll(() => {
  process.on("uncaughtException", onEscaped);
  process.on("unhandledRejection", onEscaped);
  const { log } = server.services;
  log.error = (message: string, extra?: unknown) => {
    const cause = extra instanceof Error ? `${extra.name}: ${extra.message}` : extra === undefined ? "" : String(extra);
    const key = `${message.replace(/"[^"]*"/g, '"…"').replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, "<id>").slice(0, 120)}${cause ? ` (${cause.slice(0, 120)})` : ""}`;
    logged.set(key, (logged.get(key) ?? 0) + 1);
    if (extra instanceof Error && !firstStacks.has(key)) firstStacks.set(key, (extra.stack ?? "").split("\n").slice(1, 5).join("\n"));
  };
});
afterAll(() => {
  process.off("uncaughtException", onEscaped);
  process.off("unhandledRejection", onEscaped);
  if (logged.size) console.log(`[collab fuzz] server logged errors (${process.env.TEST_DATABASE}):\n${[...logged].map(([m, n]) => `  ${n}× ${m}${firstStacks.get(m) ? `\n${firstStacks.get(m)}` : ""}`).join("\n")}`);
});

async function healthy(): Promise<string | null> {
  try {
    const response = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(5_000) });
    await response.arrayBuffer();
    return response.status === 200 ? null : `/healthz answered ${response.status}`;
  } catch (error) {
    return `/healthz failed: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function takeEscaped(): string | null {
  if (escaped.length === 0) return null;
  const all = escaped.splice(0);
  return `${all.length} error(s) escaped the server:\n${all.map((e) => e.split("\n").slice(0, 6).join("\n")).join("\n")}`;
}

/** fc.assert's report, with the seed and path to replay and our own description of the batch (the values are large). */
const reporter = <T,>(label: string) => (details: fc.RunDetails<T>) => {
  if (!details.failed) return;
  const error = details.errorInstance;
  // Our own failures carry their report in the message; anything else (a bug in the test's clients or drivers) needs its stack.
  const cause = error instanceof Error ? (error.message.includes("\n") ? error.message : (error.stack ?? error.message).split("\n").slice(0, 8).join("\n")) : String(error);
  throw new Error(
    `${label}: property failed after ${details.numRuns} batch(es)\n` +
      `replay: COLLAB_FUZZ_SEED=${details.seed} (fast-check path "${details.counterexamplePath ?? ""}")\n${cause}`,
  );
};

const text = (c: DocClient) => c.doc.getText("t").toString();

/**
 * A fresh person with a session, as a cookie header, without going through /login (which
 * hashes a password: too slow to do per batch). Each batch gets new people, so the
 * per-person send allowance is the one of a person who has just arrived, not one spent by
 * earlier batches.
 */
async function personCookie(options: UserOptions): Promise<string> {
  const db = server.db();
  const user = await buildUser(db, options);
  const token = newToken();
  const now = new Date();
  await insertSession(db, {
    id: hashToken(token),
    user_id: user.id,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: new Date(now.getTime() + 3600_000).toISOString(),
    user_agent: "collab-fuzz",
    ip: "127.0.0.1",
  });
  return `${SESSION_COOKIE}=${token}`;
}

/** A fresh editor opening the document syncs within `patienceMs` and sees `expected`. */
async function lateEditorProblem(docName: string, expected: string, patienceMs: number): Promise<string | null> {
  const late = openDoc(server.url, (await lateReader()).client, docName);
  try {
    const synced = await Promise.race([late.synced.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), patienceMs))]);
    if (!synced) return "an editor opening the document afterwards never got synced";
    try {
      await eventually(() => text(late) === expected, patienceMs / 2, "late editor");
    } catch {
      return `an editor opening the document afterwards sees ${JSON.stringify(text(late).slice(0, 120))}, the others ${JSON.stringify(expected.slice(0, 120))}`;
    }
    return takeEscaped();
  } finally {
    late.destroy();
  }
}

let observer: Awaited<ReturnType<typeof loggedInUser>> | undefined;
/** An observer (reads every network): opens documents without touching them. */
const lateReader = async () => (observer ??= await loggedInUser(server, { platformRoles: ["observer"] }));

interface BatchResult {
  problems: string[];
  /** What each sequence sent, in order, with the honest editors' client ids of the batch. */
  sent: Array<{ role: FrameSequence["role"]; sent: WireMessage[] }>;
  honestIds: number[];
  stats: { closes: string[]; slowest: number; opened: number; setupMs: number; sequencesMs: number; checksMs: number };
}

/**
 * One batch: a fresh document with two honest editors (stock y-websocket) connected, the
 * sequences from fresh hostile people (a member and an observer), then the checks: nothing
 * escaped, /healthz, the honest editors converge both ways, and an editor opening the
 * document afterwards gets the same text.
 */
async function runBatch(networkId: string, honest: TestClient, sequences: FrameSequence[], options: { stopAtFirstProblem: boolean; patienceMs: number }): Promise<BatchResult> {
  const t0 = performance.now();
  const wp = await buildWorkProgramme(server.db(), networkId);
  const c1 = openDoc(server.url, honest, wp.docName);
  const c2 = openDoc(server.url, honest, wp.docName);
  const url = `${server.url.replace(/^http/, "ws")}/collab/${wp.docName}`;
  const honestClientIds = () => [c1.doc.clientID, c2.doc.clientID];
  const [writer, reader] = await Promise.all([personCookie({ memberships: [{ networkId, role: "member" }] }), personCookie({ platformRoles: ["observer"] })]);
  const sessions = { writer: new HostileSession({ url, cookie: writer, honestClientIds }), reader: new HostileSession({ url, cookie: reader, honestClientIds }) };
  const result: BatchResult = { problems: [], sent: [], honestIds: honestClientIds(), stats: { closes: [], slowest: 0, opened: 0, setupMs: 0, sequencesMs: 0, checksMs: 0 } };
  try {
    await Promise.all([c1.synced, c2.synced]);
    const t1 = performance.now();
    result.stats.setupMs = t1 - t0;
    for (const [i, sequence] of sequences.entries()) {
      const outcome = await sessions[sequence.role].run(sequence);
      result.sent.push({ role: sequence.role, sent: outcome.sent });
      result.stats.slowest = Math.max(result.stats.slowest, outcome.answerMs);
      result.stats.closes.push(outcome.closeCode !== null ? String(outcome.closeCode) : outcome.refused !== null ? `refused ${outcome.refused}` : outcome.closedByUs ? "closed by client" : "open");
      const escapedNow = takeEscaped();
      if (outcome.problem || escapedNow) {
        result.problems.push(`sequence ${i} (${sequence.role}): ${[outcome.problem, escapedNow].filter(Boolean).join("; ")}\n${describeSequence(outcome)}`);
        if (escapedNow || options.stopAtFirstProblem) return result;
      }
    }
    const t2 = performance.now();
    result.stats.sequencesMs = t2 - t1;
    const health = await healthy();
    if (health) result.problems.push(health);
    // Honest editors on the fuzzed document still converge, both ways…
    const mark = crypto.randomBytes(3).toString("hex");
    for (const [i, c] of [c1, c2].entries()) {
      try {
        c.doc.getText("t").insert(0, `[${mark}:${i + 1}]`);
      } catch (error) {
        result.problems.push(`honest editor c${i + 1}'s own edit threw in Yjs (its document was broken by what the server relayed): ${error instanceof Error ? error.stack?.split("\n").slice(0, 4).join(" | ") : String(error)}`);
        return result;
      }
    }
    try {
      await eventually(() => text(c1) === text(c2) && text(c1).includes(`[${mark}:1]`) && text(c1).includes(`[${mark}:2]`), options.patienceMs, "honest editors converging");
    } catch {
      result.problems.push(`honest editors (client ids ${result.honestIds.join(", ")}) diverged after the batch:\n  c1 ${JSON.stringify(text(c1).slice(0, 120))}\n  c2 ${JSON.stringify(text(c2).slice(0, 120))}`);
    }
    // …and someone who opens the document now gets all of it.
    const late = await lateEditorProblem(wp.docName, text(c1), options.patienceMs);
    if (late) result.problems.push(late);
    result.stats.checksMs = performance.now() - t2;
  } finally {
    result.stats.opened = sessions.writer.opened + sessions.reader.opened;
    sessions.writer.close();
    sessions.reader.close();
    for (const [i, c] of [c1, c2].entries()) {
      try {
        c.destroy();
      } catch (error) {
        // The stock provider throws here when what it was sent broke its awareness (it runs on page unload in a browser).
        result.problems.push(`honest editor c${i + 1}'s provider.destroy() threw: ${error instanceof Error ? error.stack?.split("\n").slice(0, 3).join(" | ") : String(error)}`);
      }
    }
    const escapedLate = takeEscaped();
    if (escapedLate) result.problems.push(escapedLate);
  }
  return result;
}

/**
 * After a batch failed: replays shorter prefixes of it (each on a fresh document with fresh
 * honest editors) to find the first sequence it needs, then tries that sequence alone.
 * Returns a reproducer: that sequence's messages as sent, and the honest client ids then.
 */
async function culprit(networkId: string, honest: TestClient, sequences: FrameSequence[]): Promise<string> {
  const fails = async (subset: FrameSequence[]) => {
    // Shorter patience than the run itself: a replay that fails, fails the same way, and there are several.
    const result = await runBatch(networkId, honest, subset, { stopAtFirstProblem: true, patienceMs: 3_000 });
    return result.problems.length ? result : null;
  };
  if (!(await fails(sequences))) return "(replaying the batch on a fresh document did not fail again: timing matters)";
  let lo = 0;
  let hi = sequences.length - 1; // the shortest failing prefix ends at hi
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (await fails(sequences.slice(0, mid + 1))) hi = mid;
    else lo = mid + 1;
  }
  const alone = await fails([sequences[hi]!]);
  const shown = alone ?? (await fails(sequences.slice(0, hi + 1)));
  const last = shown?.sent.at(-1);
  return (
    `reproducer: ${alone ? `sequence ${hi} of the batch alone, on a fresh document, fails` : `the first ${hi + 1} sequences fail, ${hi} do not; the last one`} ` +
    `(${last?.role}; honest client ids ${shown?.honestIds.join(", ")}) sent:\n${last ? describeSequence(last, 60) : "?"}\nand then: ${shown?.problems[0]?.split("\n")[0]}`
  );
}

describe(`collab endpoint under fuzzing (${process.env.TEST_DATABASE})`, () => {
  it(`survives ${SEQUENCES} hostile frame sequences; honest editors keep converging`, { timeout: 300_000 }, async () => {
    const network = await buildNetwork(server.db());
    const honest = await loggedInUser(server, { memberships: [{ networkId: network.id, role: "member" }] });
    const codes = new Map<string, number>();
    const spent = { setup: 0, sequences: 0, checks: 0 };
    let sequencesRun = 0;
    let sessionsOpened = 0;
    let slowest = 0;

    const property = fc.asyncProperty(
      fc.array(frameSequenceArb(SHORT_RUN_SIZES), { minLength: SEQUENCES_PER_BATCH, maxLength: SEQUENCES_PER_BATCH }),
      async (sequences) => {
        const result = await runBatch(network.id, honest.client, sequences, { stopAtFirstProblem: false, patienceMs: 10_000 });
        sequencesRun += result.sent.length;
        sessionsOpened += result.stats.opened;
        slowest = Math.max(slowest, result.stats.slowest);
        spent.setup += result.stats.setupMs;
        spent.sequences += result.stats.sequencesMs;
        spent.checks += result.stats.checksMs;
        for (const key of result.stats.closes) codes.set(key, (codes.get(key) ?? 0) + 1);
        if (result.problems.length) throw new Error(`${result.problems.join("\n")}\n${await culprit(network.id, honest.client, sequences)}`);
      },
    );
    await fc.assert(property, { seed: SEED, numRuns: Math.ceil(SEQUENCES / SEQUENCES_PER_BATCH), endOnFailure: true, reporter: reporter("frame sequences") });
    console.log(
      `[collab fuzz] ${sequencesRun} frame sequences (seed ${SEED}); outcomes: ${[...codes].map(([k, n]) => `${k}: ${n}`).join(", ")}; slowest answer ${Math.round(slowest)} ms; ` +
        `${sessionsOpened} sockets opened; time in set-up ${Math.round(spent.setup)} ms, sequences ${Math.round(spent.sequences)} ms, checks ${Math.round(spent.checks)} ms`,
    );
    expect(sequencesRun).toBeGreaterThanOrEqual(SEQUENCES);
  });

  it(`answers or closes ${REQUESTS} odd upgrade requests without ever crashing`, { timeout: 300_000 }, async () => {
    const db = server.db();
    const network = await buildNetwork(db);
    const wp = await buildWorkProgramme(db, network.id);
    const member = await loggedInUser(server, { memberships: [{ networkId: network.id, role: "member" }] });
    const { host, port } = new URL(server.url);
    const ctx: UpgradeContext = { host, origin: server.origin, sessionCookie: member.client.cookie(SESSION_COOKIE)!, docName: wp.docName };
    const outcomes = new Map<string, number>();
    let requestsRun = 0;

    const property = fc.asyncProperty(fc.array(upgradeRequestArb, { minLength: REQUESTS_PER_BATCH, maxLength: REQUESTS_PER_BATCH }), async (plans) => {
      const requests = plans.map((plan) => ({ plan, bytes: renderUpgradeRequest(plan, ctx, crypto.randomBytes(16).toString("base64")) }));
      const problems: string[] = [];
      const results = await inParallel(requests, 4, async ({ plan, bytes }): Promise<RequestOutcome> => {
        const outcome = await sendRawRequest(Number(port), bytes, { ending: plan.ending, complete: plan.cutPermille === null, timeoutMs: 5_000 });
        const escapedNow = takeEscaped();
        if (escapedNow) problems.push(`request ${describeRequest(bytes)}:\n${escapedNow}`);
        return outcome;
      });
      for (const outcome of results) {
        const key = outcome.kind === "status" ? String(outcome.status) : outcome.kind;
        outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
      }
      requestsRun += results.length;
      const health = await healthy();
      if (health) problems.push(`${health}; the batch:\n${requests.map((r) => `  ${describeRequest(r.bytes, 200)}`).join("\n")}`);
      if (problems.length) throw new Error(problems.join("\n"));
    });
    await fc.assert(property, { seed: SEED, numRuns: Math.ceil(REQUESTS / REQUESTS_PER_BATCH), endOnFailure: true, reporter: reporter("upgrade requests") });
    console.log(`[collab fuzz] ${requestsRun} upgrade requests (seed ${SEED}); outcomes: ${[...outcomes].sort().map(([k, n]) => `${k}: ${n}`).join(", ")}`);
    expect(requestsRun).toBeGreaterThanOrEqual(REQUESTS);
  });
});
