/**
 * The legitimate clients: pairs of stock y-websocket providers (the editor's own client,
 * server/testing/collab-client.ts), each pair on a document of its own, each client a
 * different person. Both clients of a pair type a tagged string into the paragraph at a
 * fixed rate, open loop (people do not wait for the server); the partner's receipt of the
 * tag ends that edit's round trip. Sender and receiver share this process and its clock.
 * Every edit is kept, with the phase it was sent in, so late arrivals count where they belong.
 */
import { performance } from "node:perf_hooks";
import * as Y from "yjs";
import { CONTENT_FIELD } from "#shared/collab/work-programme-doc";
import { openDoc, type DocClient } from "#server/testing/collab-client";
import type { TestClient } from "#server/testing/http-client";
import { scanTags, tagText } from "../collab/tags";

export interface Edit {
  writer: number;
  phase: number;
  sentAt: number;
  /** Partner's receipt (performance.now()), or null while outstanding. */
  receivedAt: number | null;
}

export interface LegitClose {
  phase: number;
  code: number;
}

interface LegitClient {
  id: number;
  partner: number;
  client: DocClient;
  text: Y.XmlText;
  nextAt: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The paragraph both clients of a pair type into, as tiptap lays out a work programme. */
function paragraphText(doc: Y.Doc): Y.XmlText | null {
  const paragraph = doc.getXmlFragment(CONTENT_FIELD).get(0);
  const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
  return text instanceof Y.XmlText ? text : null;
}

export class LegitPairs {
  /** edits[writer][seq] */
  readonly edits: Edit[][] = [];
  readonly closes: LegitClose[] = [];
  private clients: LegitClient[] = [];
  private ticker: NodeJS.Timeout | null = null;
  private destroyed = false;

  /** `phase()` says which phase an edit sent now belongs to. */
  private constructor(private readonly phase: () => number) {}

  /**
   * Opens 2 × docNames.length providers (client 2k and 2k+1 on document k, with cookies[2k]
   * and cookies[2k+1]) and waits until every one has the shared paragraph.
   */
  static async open(baseUrl: string, docNames: string[], cookies: string[], phase: () => number): Promise<LegitPairs> {
    const pairs = new LegitPairs(phase);
    const docs: DocClient[] = [];
    for (const [k, docName] of docNames.entries()) {
      for (const i of [2 * k, 2 * k + 1]) {
        // openDoc reads only cookieHeader() from its login client; the bench's sessions are made in the database.
        const session = { cookieHeader: () => cookies[i]! } as unknown as TestClient;
        docs.push(openDoc(baseUrl, session, docName));
      }
    }
    await Promise.race([
      Promise.all(docs.map((d) => d.synced)),
      sleep(20_000).then(() => {
        throw new Error("legitimate clients did not sync within 20 s");
      }),
    ]);
    for (let k = 0; k < docNames.length; k++) {
      const first = docs[2 * k]!.doc;
      if (!paragraphText(first)) createParagraph(first);
    }
    const deadline = performance.now() + 20_000;
    while (!docs.every((d) => paragraphText(d.doc))) {
      if (performance.now() > deadline) throw new Error("the paragraph did not reach every legitimate client within 20 s");
      await sleep(10);
    }
    pairs.clients = docs.map((client, id) => ({ id, partner: id ^ 1, client, text: paragraphText(client.doc)!, nextAt: 0 }));
    for (const c of pairs.clients) {
      pairs.edits.push([]);
      c.client.doc.on("update", (update: Uint8Array, origin: unknown) => {
        if (origin !== c.client.provider) return; // own edits
        const at = performance.now();
        scanTags(update, (writer, seq) => pairs.received(c, writer, seq, at));
      });
      c.client.provider.on("connection-close", (event: { code?: number } | null) => {
        if (!pairs.destroyed) pairs.closes.push({ phase: phase(), code: event?.code ?? 0 });
      });
    }
    return pairs;
  }

  private received(receiver: LegitClient, writer: number, seq: number, at: number) {
    if (writer !== receiver.partner) return;
    const edit = this.edits[writer]?.[seq];
    if (edit && edit.receivedAt === null) edit.receivedAt = at;
  }

  /** Every client types `perSecond` tagged strings a second, the clients' schedules spread evenly. */
  start(perSecond: number): void {
    const period = 1000 / perSecond;
    const now = performance.now();
    for (const c of this.clients) c.nextAt = now + (c.id / this.clients.length) * period;
    this.ticker = setInterval(() => {
      const at = performance.now();
      for (const c of this.clients) {
        while (at >= c.nextAt) {
          this.type(c);
          c.nextAt += period;
        }
      }
    }, 5);
  }

  private type(c: LegitClient) {
    const edits = this.edits[c.id]!;
    const seq = edits.length;
    edits.push({ writer: c.id, phase: this.phase(), sentAt: performance.now(), receivedAt: null });
    // Disconnected or not, the edit goes into the document; the provider sends it now or on reconnect.
    c.text.insert(c.text.length, tagText(c.id, seq));
  }

  stop(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = null;
  }

  /** Edits not yet received that were sent more than `olderThanMs` ago. */
  overdue(olderThanMs: number): number {
    const before = performance.now() - olderThanMs;
    let n = 0;
    for (const edits of this.edits) for (const e of edits) if (e.receivedAt === null && e.sentAt < before) n++;
    return n;
  }

  destroy(): void {
    this.destroyed = true; // our own closes are not the server's doing
    this.stop();
    for (const c of this.clients) c.client.destroy();
  }
}

function createParagraph(doc: Y.Doc): Y.XmlText {
  const text = new Y.XmlText();
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [text]);
  doc.getXmlFragment(CONTENT_FIELD).insert(0, [paragraph]);
  return text;
}
