/**
 * The LibreTranslate provider over real HTTP against the LibreTranslate stand-in: placeholders
 * go out instead of the glossary's terms, target terms come back, engines that mangle
 * placeholders are survived, and each way of failing has the right reason.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { LibreTranslateProvider } from "./libretranslate-provider";
import { TranslationFailure, type TermPair, type TranslationRequest } from "./provider";
import { describeTranslationProvider, translationProviderFromEnv } from "./provider-from-env";
import { startLibreTranslateStandIn, type LibreTranslateStandIn } from "./testing/libretranslate-stand-in";

let lt: LibreTranslateStandIn;

beforeAll(async () => {
  lt = await startLibreTranslateStandIn();
});
afterAll(async () => {
  await lt?.close();
});
afterEach(() => {
  lt.fail(null);
  lt.setEngine(null);
  lt.requests.length = 0;
});

const chamber: TermPair[] = [
  { source: "Handelskammer", target: "camera di commercio" },
  { source: "Industrie- und Handelskammer", target: "Camera di Commercio, Industria, Artigianato" },
  { source: "Ausbildung", target: "formazione" },
];

function provider(options: { timeoutMs?: number; url?: string; apiKey?: string; maxTextsPerRequest?: number } = {}) {
  return new LibreTranslateProvider({ url: options.url ?? lt.url, ...options });
}

function request(texts: string[], glossary: TermPair[] = chamber, from: TranslationRequest["from"] = "de", to: TranslationRequest["to"] = "it"): TranslationRequest {
  return { texts, from, to, glossary };
}

function sentBodies(): unknown[] {
  return lt.requests.filter((r) => r.method === "POST" && r.path === "/translate").map((r) => r.body);
}

async function failureOf(promise: Promise<unknown>): Promise<TranslationFailure> {
  const error = await promise.then(
    () => new Error("expected a failure"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TranslationFailure);
  return error as TranslationFailure;
}

describe("LibreTranslate provider", () => {
  it("sends placeholders instead of the terms and puts the target terms into the result", async () => {
    const texts = ["Die Industrie- und Handelskammer prüft die Ausbildung.", "Die Handelskammer hilft."];
    const result = await provider().translate(request(texts));

    expect(sentBodies()).toEqual([
      { q: ["Die [T1] prüft die [T2].", "Die [T1] hilft."], source: "de", target: "it", format: "text" },
    ]);
    expect(result).toEqual([
      "[it] Die Camera di Commercio, Industria, Artigianato prüft die formazione.",
      "[it] Die camera di commercio hilft.",
    ]);
  });

  it("survives an engine that spaces, re-cases or drops placeholders", async () => {
    lt.setEngine((text) =>
      text
        .replace("[T1]", "[ t1 ]")
        .replace("[T2]", "")
        .replace(/^Die /, "La"),
    );
    const result = await provider().translate(request(["Die Handelskammer prüft die Ausbildung."]));
    expect(result).toEqual(["La camera di commercio prüft die ."]);
  });

  it("sends the api_key only when one is configured", async () => {
    const keyed = await startLibreTranslateStandIn({ apiKey: "lt-key" });
    try {
      expect(await provider({ url: keyed.url, apiKey: "lt-key" }).translate(request(["Hallo"], []))).toEqual(["[it] Hallo"]);
      expect(keyed.requests[0]?.body).toMatchObject({ api_key: "lt-key" });
      expect((await failureOf(provider({ url: keyed.url }).translate(request(["Hallo"], [])))).reason).toBe("rejected");
      expect((await failureOf(provider({ url: keyed.url, apiKey: "wrong" }).translate(request(["Hallo"], [])))).reason).toBe("rejected");
    } finally {
      await keyed.close();
    }
    await provider().translate(request(["Hallo"], []));
    expect(sentBodies()[0]).not.toHaveProperty("api_key");
  });

  it("keeps a path prefix of the instance's address", async () => {
    const failure = await failureOf(provider({ url: `${lt.url}/lt/` }).translate(request(["Hallo"], [])));
    expect(failure.reason).toBe("rejected"); // the stand-in has nothing under /lt: 404
    expect(lt.requests[0]?.path).toBe("/lt/translate");
  });

  it("sends everything in one request unless a batch limit is set", async () => {
    const texts = Array.from({ length: 7 }, (_, i) => `Satz ${i}`);
    expect(await provider().translate(request(texts, []))).toEqual(texts.map((t) => `[it] ${t}`));
    expect(sentBodies()).toHaveLength(1);

    const limited = await startLibreTranslateStandIn({ batchLimit: 3 });
    try {
      expect((await failureOf(provider({ url: limited.url }).translate(request(texts, [])))).reason).toBe("rejected");
      expect(await provider({ url: limited.url, maxTextsPerRequest: 3 }).translate(request(texts, []))).toEqual(texts.map((t) => `[it] ${t}`));
      expect(limited.requests.map((r) => (r.body as { q: string[] }).q.length)).toEqual([7, 3, 3, 1]);
    } finally {
      await limited.close();
    }
  });

  it("does not send blank texts, nor anything for the same language", async () => {
    expect(await provider().translate(request(["", "Ausbildung", " "], chamber, "de", "en"))).toEqual(["", "[en] formazione", " "]);
    expect(sentBodies()).toEqual([{ q: ["[T1]"], source: "de", target: "en", format: "text" }]);
    lt.requests.length = 0;
    expect(await provider().translate(request(["Ausbildung"], chamber, "it", "it"))).toEqual(["Ausbildung"]);
    expect(await provider().translate(request(["", "  "]))).toEqual(["", "  "]);
    expect(lt.requests).toHaveLength(0);
  });

  describe("failures", () => {
    const cases = [
      { fault: { kind: "quota" as const }, reason: "quota" },
      { fault: { kind: "daily-limit" as const }, reason: "quota" },
      { fault: { kind: "rate-limited" as const }, reason: "rate-limited" },
      { fault: { kind: "unavailable" as const }, reason: "unavailable" },
      { fault: { kind: "engine-error" as const }, reason: "unavailable" },
      { fault: { kind: "down" as const }, reason: "unavailable" },
      { fault: { kind: "not-json" as const }, reason: "garbage" },
      { fault: { kind: "wrong-shape" as const }, reason: "garbage" },
      { fault: { kind: "wrong-count" as const }, reason: "garbage" },
    ];
    for (const { fault, reason } of cases) {
      it(`${JSON.stringify(fault)} is "${reason}"`, async () => {
        lt.fail(fault);
        expect((await failureOf(provider().translate(request(["Die Handelskammer", "Ausbildung"])))).reason).toBe(reason);
      });
    }

    it("a refused connection is 'unavailable'", async () => {
      const port = await closedPort();
      expect((await failureOf(provider({ url: `http://127.0.0.1:${port}` }).translate(request(["Hallo"])))).reason).toBe("unavailable");
    });

    it("a slow answer is a 'timeout' within the bound", async () => {
      lt.fail({ kind: "slow", delayMs: 2_000 });
      const started = Date.now();
      expect((await failureOf(provider({ timeoutMs: 300 }).translate(request(["Hallo"])))).reason).toBe("timeout");
      expect(Date.now() - started).toBeLessThan(1_500);
    });

    it("retries once after a short Retry-After", async () => {
      lt.fail({ kind: "rate-limited", retryAfterSeconds: 1 }, { times: 1 });
      expect(await provider().translate(request(["Hallo"], []))).toEqual(["[it] Hallo"]);
      expect(sentBodies()).toHaveLength(2);
    });
  });
});

describe("LibreTranslate configuration", () => {
  it("builds the provider from the environment and describes it without the key", async () => {
    const env = { TRANSLATION_PROVIDER: "LibreTranslate", LIBRETRANSLATE_URL: lt.url, LIBRETRANSLATE_API_KEY: "secret" };
    const p = translationProviderFromEnv(env);
    expect(p?.name).toBe("libretranslate");
    expect(await p?.translate(request(["Hallo"], []))).toEqual(["[it] Hallo"]);
    expect(sentBodies()[0]).toMatchObject({ api_key: "secret" });
    const description = describeTranslationProvider(env);
    expect(description).toEqual({ provider: "libretranslate", host: new URL(lt.url).host, timeoutMs: 15_000 });
    expect(JSON.stringify(description)).not.toContain("secret");
  });

  it("refuses libretranslate without an address or with a bad one", () => {
    expect(() => translationProviderFromEnv({ TRANSLATION_PROVIDER: "libretranslate" })).toThrow(/LIBRETRANSLATE_URL is required/);
    expect(() => translationProviderFromEnv({ TRANSLATION_PROVIDER: "libretranslate", LIBRETRANSLATE_URL: "translate.example.org" })).toThrow(
      /LIBRETRANSLATE_URL must be an http\(s\) address/,
    );
    expect(() =>
      translationProviderFromEnv({ TRANSLATION_PROVIDER: "libretranslate", LIBRETRANSLATE_URL: lt.url, TRANSLATION_TIMEOUT_MS: "0" }),
    ).toThrow(/TRANSLATION_TIMEOUT_MS/);
  });
});

/** A port nothing listens on: bound once, then released. */
async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
