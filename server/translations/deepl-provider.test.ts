/**
 * The DeepL provider over real HTTP against the DeepL stand-in: what it sends (glossary as TSV,
 * its id with every translation, language codes, batches), what it reuses, and how each way of
 * failing comes back as a TranslationFailure with the right reason.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { DEEPL_FREE_URL, DEEPL_PRO_URL, DeepLProvider, batches, deeplApiUrlForKey, deeplGlossaryEntries } from "./deepl-provider";
import { TranslationFailure, type TermPair, type TranslationRequest } from "./provider";
import { describeTranslationProvider, translationProviderFromEnv, TranslationConfigError } from "./provider-from-env";
import { startDeepLStandIn, type DeepLStandIn } from "./testing/deepl-stand-in";

let deepl: DeepLStandIn;

beforeAll(async () => {
  deepl = await startDeepLStandIn();
});
afterAll(async () => {
  await deepl?.close();
});
afterEach(() => {
  deepl.fail(null);
  deepl.setNotReadyPolls(0);
  deepl.requests.length = 0;
  deepl.glossaries.clear();
});

const chamber: TermPair[] = [
  { source: "Handelskammer", target: "camera di commercio" },
  { source: "Ausbildung", target: "formazione" },
];

function provider(options: { timeoutMs?: number; authKey?: string } = {}): DeepLProvider {
  return new DeepLProvider({ authKey: options.authKey ?? deepl.authKey, apiUrl: deepl.url, timeoutMs: options.timeoutMs });
}

function request(texts: string[], glossary: TermPair[] = chamber, from: TranslationRequest["from"] = "de", to: TranslationRequest["to"] = "it"): TranslationRequest {
  return { texts, from, to, glossary };
}

function sent(path: string, method = "POST") {
  return deepl.requests.filter((r) => r.path === path && r.method === method);
}

async function failureOf(promise: Promise<unknown>): Promise<TranslationFailure> {
  const error = await promise.then(
    () => new Error("expected a failure"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TranslationFailure);
  return error as TranslationFailure;
}

describe("DeepL provider", () => {
  it("creates the pair's glossary as TSV and translates with its id", async () => {
    const texts = ["Die Handelskammer prüft die Ausbildung.", "Ohne Fachbegriff."];
    const result = await provider().translate(request(texts));

    expect(result).toEqual(["[it] Die camera di commercio prüft die formazione.", "[it] Ohne Fachbegriff."]);
    const [create] = sent("/v2/glossaries");
    expect(create?.body).toMatchObject({
      source_lang: "de",
      target_lang: "it",
      entries: "Ausbildung\tformazione\nHandelskammer\tcamera di commercio",
      entries_format: "tsv",
    });
    expect(create?.authorization).toBe(`DeepL-Auth-Key ${deepl.authKey}`);
    const glossaryId = [...deepl.glossaries.keys()][0];
    const [translate] = sent("/v2/translate");
    expect(translate?.contentType).toMatch(/^application\/json/);
    expect(translate?.body).toEqual({ text: texts, source_lang: "DE", target_lang: "IT", glossary_id: glossaryId });
  });

  it("asks for British English, and for German and Italian by their codes", async () => {
    await provider().translate(request(["Ciao"], [], "it", "en"));
    await provider().translate(request(["Hello"], [], "en", "de"));
    expect(sent("/v2/translate").map((r) => r.body)).toEqual([
      { text: ["Ciao"], source_lang: "IT", target_lang: "EN-GB" },
      { text: ["Hello"], source_lang: "EN", target_lang: "DE" },
    ]);
  });

  it("sends no glossary when the pair has no usable terms", async () => {
    const result = await provider().translate(request(["Handelskammer"], [{ source: " ", target: "x" }]));
    expect(result).toEqual(["[it] Handelskammer"]);
    expect(sent("/v2/glossaries")).toHaveLength(0);
    expect(sent("/v2/translate")[0]?.body).not.toHaveProperty("glossary_id");
  });

  it("cleans entries DeepL would refuse: tabs, line breaks, outer spaces, empty and duplicate sources", async () => {
    const glossary = [
      { source: " Handels\tkammer ", target: "camera\ndi commercio" },
      { source: "Handels kammer", target: "a second target for the same source" },
      { source: "", target: "nothing" },
      { source: "Betrieb", target: "\u0085" },
      { source: "Ausbildung", target: "formazione" },
    ];
    expect(deeplGlossaryEntries(glossary)).toEqual([
      ["Ausbildung", "formazione"],
      ["Handels kammer", "camera di commercio"],
    ]);
    // The stand-in checks entries by DeepL's rules, so this also proves the TSV is accepted.
    const result = await provider().translate(request(["Die Handels kammer"], glossary));
    expect(result).toEqual(["[it] Die camera di commercio"]);
  });

  it("reuses an unchanged glossary instead of creating it again, also from a new process", async () => {
    const first = provider();
    await first.translate(request(["Handelskammer"]));
    // The same terms in another order are the same glossary.
    await first.translate(request(["Ausbildung"], [...chamber].reverse()));
    expect(sent("/v2/glossaries")).toHaveLength(1);
    expect(sent("/v2/glossaries", "GET")).toHaveLength(1);

    // A restarted server finds it by name in the account's list.
    const afterRestart = provider();
    expect(await afterRestart.translate(request(["Handelskammer"]))).toEqual(["[it] camera di commercio"]);
    expect(sent("/v2/glossaries")).toHaveLength(1);
    expect(deepl.glossaries.size).toBe(1);
  });

  it("creates one glossary for concurrent calls", async () => {
    const p = provider();
    await Promise.all([p.translate(request(["a"])), p.translate(request(["b"])), p.translate(request(["c"]))]);
    expect(sent("/v2/glossaries")).toHaveLength(1);
  });

  it("creates a new glossary when the terms change and deletes the outdated one", async () => {
    await provider().translate(request(["Handelskammer"]));
    const [oldId] = deepl.glossaries.keys();

    const changed = [...chamber, { source: "Betrieb", target: "azienda" }];
    expect(await provider().translate(request(["Betrieb"], changed))).toEqual(["[it] azienda"]);
    await vi.waitFor(() => expect(sent(`/v2/glossaries/${oldId}`, "DELETE")).toHaveLength(1));
    expect(deepl.glossaries.size).toBe(1);
    expect([...deepl.glossaries.values()][0]?.entries).toContainEqual(["Betrieb", "azienda"]);
  });

  it("keeps glossaries of other language pairs", async () => {
    await provider().translate(request(["Handelskammer"]));
    await provider().translate(request(["camera"], [{ source: "camera", target: "Kammer" }], "it", "de"));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent("/v2/glossaries", "DELETE")).toHaveLength(0);
    expect(deepl.glossaries.size).toBe(2);
  });

  it("creates the glossary again, once, when DeepL no longer knows the cached one", async () => {
    const p = provider();
    await p.translate(request(["Handelskammer"]));
    deepl.glossaries.clear(); // deleted on DeepL's side, e.g. by hand in the account

    expect(await p.translate(request(["Handelskammer"]))).toEqual(["[it] camera di commercio"]);
    expect(sent("/v2/glossaries")).toHaveLength(2);
    const translates = sent("/v2/translate");
    expect(translates).toHaveLength(3);
    expect((translates[2]?.body as { glossary_id: string }).glossary_id).toBe([...deepl.glossaries.keys()][0]);
  });

  it("gives up with 'rejected' when even the recreated glossary is not found", async () => {
    const p = provider();
    await p.translate(request(["Handelskammer"]));
    deepl.glossaries.clear();
    // Every glossary vanishes as soon as it is created.
    const originalSet = deepl.glossaries.set.bind(deepl.glossaries);
    deepl.glossaries.set = (key, value) => {
      originalSet(key, value);
      deepl.glossaries.delete(key);
      return deepl.glossaries;
    };
    try {
      expect((await failureOf(p.translate(request(["Handelskammer"])))).reason).toBe("rejected");
      expect(sent("/v2/glossaries")).toHaveLength(2);
    } finally {
      deepl.glossaries.set = originalSet;
    }
  });

  it("waits until a new glossary is ready", async () => {
    deepl.setNotReadyPolls(2);
    expect(await provider().translate(request(["Handelskammer"]))).toEqual(["[it] camera di commercio"]);
    expect(deepl.requests.filter((r) => r.method === "GET" && r.path.startsWith("/v2/glossaries/")).length).toBeGreaterThanOrEqual(1);
  });

  it("splits more than 50 texts into requests of at most 50, answers in order", async () => {
    const texts = Array.from({ length: 120 }, (_, i) => `Satz ${i} der Handelskammer`);
    const result = await provider().translate(request(texts));
    expect(result).toEqual(texts.map((t) => `[it] ${t.replace("Handelskammer", "camera di commercio")}`));
    expect(sent("/v2/translate").map((r) => (r.body as { text: string[] }).text.length)).toEqual([50, 50, 20]);
  });

  it("splits by size so that no request is over 128 KiB", async () => {
    const texts = ["ä".repeat(30_000), "b".repeat(50_000), "c".repeat(30_000)];
    const result = await provider().translate(request(texts, []));
    expect(result.map((t) => t.length)).toEqual(texts.map((t) => t.length + 5));
    const requests = sent("/v2/translate");
    expect(requests.length).toBeGreaterThan(1);
    for (const r of requests) expect(r.bytes).toBeLessThanOrEqual(128 * 1024);
    expect(batches(["x", "y"], 1)).toEqual([[0], [1]]);
  });

  it("does not send blank texts, nor anything when source and target language are the same", async () => {
    expect(await provider().translate(request(["", "Handelskammer", "  "]))).toEqual(["", "[it] camera di commercio", "  "]);
    expect((sent("/v2/translate")[0]?.body as { text: string[] }).text).toEqual(["Handelskammer"]);
    deepl.requests.length = 0;
    expect(await provider().translate(request(["Handelskammer"], chamber, "de", "de"))).toEqual(["Handelskammer"]);
    expect(await provider().translate(request([]))).toEqual([]);
    expect(deepl.requests).toHaveLength(0);
  });

  describe("failures", () => {
    const cases = [
      { fault: { kind: "quota" as const }, reason: "quota" },
      { fault: { kind: "rate-limited" as const }, reason: "rate-limited" },
      { fault: { kind: "rate-limited" as const, retryAfterSeconds: 30 }, reason: "rate-limited" },
      { fault: { kind: "unavailable" as const }, reason: "unavailable" },
      { fault: { kind: "down" as const }, reason: "unavailable" },
      { fault: { kind: "not-json" as const }, reason: "garbage" },
      { fault: { kind: "wrong-shape" as const }, reason: "garbage" },
      { fault: { kind: "wrong-count" as const }, reason: "garbage" },
    ];
    for (const { fault, reason } of cases) {
      it(`${JSON.stringify(fault)} on translate is "${reason}"`, async () => {
        deepl.fail(fault, { path: "/v2/translate" });
        const failure = await failureOf(provider().translate(request(["Handelskammer"])));
        expect(failure.reason).toBe(reason);
        expect(failure.message).not.toContain(deepl.authKey);
      });
    }

    it("a glossary that cannot be created fails the translation with the glossary's reason", async () => {
      deepl.fail({ kind: "quota" }, { path: "/v2/glossaries" });
      expect((await failureOf(provider().translate(request(["Handelskammer"])))).reason).toBe("quota");
      expect(sent("/v2/translate")).toHaveLength(0);
      // Not cached: the next call tries again.
      deepl.fail(null);
      expect(await provider().translate(request(["Handelskammer"]))).toEqual(["[it] camera di commercio"]);
    });

    it("a refused key is 'rejected'", async () => {
      const failure = await failureOf(provider({ authKey: "wrong-key" }).translate(request(["Hallo"], [])));
      expect(failure.reason).toBe("rejected");
      expect(failure.message).toContain("403");
    });

    it("a refused connection is 'unavailable'", async () => {
      const port = await closedPort();
      const p = new DeepLProvider({ authKey: "k", apiUrl: `http://127.0.0.1:${port}` });
      expect((await failureOf(p.translate(request(["Hallo"], [])))).reason).toBe("unavailable");
    });

    it("a slow answer is a 'timeout' within the bound", async () => {
      deepl.fail({ kind: "slow", delayMs: 2_000 }, { path: "/v2/translate" });
      const started = Date.now();
      const failure = await failureOf(provider({ timeoutMs: 300 }).translate(request(["Handelskammer"])));
      expect(failure.reason).toBe("timeout");
      expect(Date.now() - started).toBeLessThan(1_500);
    });

    it("the bound covers the glossary work too", async () => {
      deepl.fail({ kind: "slow", delayMs: 2_000 }, { path: "/v2/glossaries" });
      const started = Date.now();
      expect((await failureOf(provider({ timeoutMs: 300 }).translate(request(["Handelskammer"])))).reason).toBe("timeout");
      expect(Date.now() - started).toBeLessThan(1_500);
    });

    it("retries once after a short Retry-After, and only once", async () => {
      deepl.fail({ kind: "rate-limited", retryAfterSeconds: 1 }, { path: "/v2/translate", times: 1 });
      expect(await provider().translate(request(["Hallo"], []))).toEqual(["[it] Hallo"]);
      expect(sent("/v2/translate")).toHaveLength(2);

      deepl.requests.length = 0;
      deepl.fail({ kind: "rate-limited", retryAfterSeconds: 1 }, { path: "/v2/translate" });
      const failure = await failureOf(provider().translate(request(["Hallo"], [])));
      expect(failure.reason).toBe("rate-limited");
      expect(sent("/v2/translate")).toHaveLength(2);
    });
  });
});

describe("DeepL configuration", () => {
  it("uses the Free API for keys ending in :fx, else Pro", () => {
    expect(deeplApiUrlForKey("abc:fx")).toBe(DEEPL_FREE_URL);
    expect(deeplApiUrlForKey("abc")).toBe(DEEPL_PRO_URL);
  });

  it("builds the provider from the environment and describes it without the key", () => {
    const env = { TRANSLATION_PROVIDER: "deepl", DEEPL_AUTH_KEY: "secret-key:fx" };
    expect(translationProviderFromEnv(env)?.name).toBe("deepl");
    const description = describeTranslationProvider(env);
    expect(description).toEqual({ provider: "deepl", host: "api-free.deepl.com", timeoutMs: 15_000 });
    expect(JSON.stringify(description)).not.toContain("secret");
    expect(describeTranslationProvider({ ...env, DEEPL_API_URL: "https://deepl.proxy.example/", TRANSLATION_TIMEOUT_MS: "5000" })).toEqual({
      provider: "deepl",
      host: "deepl.proxy.example",
      timeoutMs: 5000,
    });
  });

  it("sends to DEEPL_API_URL when given", async () => {
    const p = translationProviderFromEnv({ TRANSLATION_PROVIDER: "deepl", DEEPL_AUTH_KEY: deepl.authKey, DEEPL_API_URL: deepl.url });
    expect(await p?.translate(request(["Hallo"], []))).toEqual(["[it] Hallo"]);
  });

  it("is off without a provider, and refuses a provider without its key or an unknown one", () => {
    expect(translationProviderFromEnv({})).toBeNull();
    expect(translationProviderFromEnv({ TRANSLATION_PROVIDER: "" })).toBeNull();
    expect(describeTranslationProvider({})).toEqual({ provider: "none", host: null, timeoutMs: null });
    expect(() => translationProviderFromEnv({ TRANSLATION_PROVIDER: "deepl" })).toThrow(/DEEPL_AUTH_KEY is required/);
    expect(() => translationProviderFromEnv({ TRANSLATION_PROVIDER: "google" })).toThrow(TranslationConfigError);
    expect(() => translationProviderFromEnv({ TRANSLATION_PROVIDER: "google" })).toThrow(/TRANSLATION_PROVIDER must be one of deepl, libretranslate/);
    // Every problem at once, so an operator fixes them in one go.
    const bad = () =>
      translationProviderFromEnv({ TRANSLATION_PROVIDER: "deepl", DEEPL_AUTH_KEY: "k", DEEPL_API_URL: "ftp://x", TRANSLATION_TIMEOUT_MS: "soon" });
    expect(bad).toThrow(/DEEPL_API_URL must be an http\(s\) address/);
    expect(bad).toThrow(/TRANSLATION_TIMEOUT_MS must be a whole number/);
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
