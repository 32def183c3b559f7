/**
 * The typing members: stock y-websocket providers (`openDoc`, the editor's own client) with
 * `?ack=1`, as the editor connects, two per work programme, each a different person. Each
 * member owns one paragraph and replaces its whole text on every edit (delete + insert in
 * one transaction), so the document stays the same size however long the soak runs: any
 * growth is the server's, not the document's. "Saved" is tracked as the editor tracks it
 * (app/editor/save-state.ts): the server's MESSAGE_SAVED snapshot must cover the member's
 * own clock and its deletions.
 */
import * as Y from "yjs";
import type * as decoding from "lib0/decoding";
import { CONTENT_FIELD } from "#shared/collab/work-programme-doc";
import { MESSAGE_SAVED } from "#shared/collab/protocol";
import { openDoc, type DocClient } from "#server/testing/collab-client";
import type { TestClient } from "#server/testing/http-client";
import { SaveTracker } from "~/editor/save-state";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** About a line of text, so a paragraph stays the size of a real one. */
const FILLER = " is what this member writes, replacing the paragraph on every keystroke.";

export interface Member {
  index: number;
  docName: string;
  client: DocClient;
  paragraph: Y.XmlElement;
  tracker: SaveTracker;
  edits: number;
  /** The paragraph's text after the member's last edit: what the database must hold. */
  lastText: string;
  closes: number[];
}

/** What a member wrote, kept after its provider is gone: the stored document must hold it. */
export interface Written {
  index: number;
  docName: string;
  clientId: number;
  /** The member's own clock: every item it created. */
  clock: number;
  lastText: string;
}

export const writtenBy = (m: Member): Written => ({
  index: m.index,
  docName: m.docName,
  clientId: m.client.doc.clientID,
  clock: Y.getState(m.client.doc.store, m.client.doc.clientID),
  lastText: m.lastText,
});

/** Text of a paragraph of the editor's layout (an XmlElement holding one XmlText). */
export function paragraphText(paragraph: Y.XmlElement): string {
  const text = paragraph.get(0);
  return text instanceof Y.XmlText ? text.toString() : "";
}

const openingText = (index: number) => `#P${index}# opening`;

export class TypingMembers {
  private ticker: NodeJS.Timeout | null = null;
  private destroyed = false;

  private constructor(readonly members: Member[]) {}

  /** Member 2k and 2k+1 share docNames[k], with cookies[2k] and cookies[2k+1]. */
  static async open(baseUrl: string, docNames: string[], cookies: string[], count: number): Promise<TypingMembers> {
    const clients: Array<{ index: number; docName: string; client: DocClient; tracker: SaveTracker }> = [];
    for (let index = 0; index < count; index++) {
      const docName = docNames[Math.floor(index / 2)];
      if (!docName) throw new Error(`no document for member ${index}`);
      const session = { cookieHeader: () => cookies[index]! } as unknown as TestClient;
      const client = openDoc(baseUrl, session, docName, { ack: true });
      // Before the first message arrives (the server sends one on connect), as the editor does.
      const tracker = new SaveTracker(client.doc);
      client.provider.messageHandlers[MESSAGE_SAVED] = (_encoder: unknown, decoder: decoding.Decoder) => tracker.noteSaved(decoder);
      clients.push({ index, docName, client, tracker });
    }
    await Promise.race([
      Promise.all(clients.map((c) => c.client.synced)),
      sleep(30_000).then(() => {
        throw new Error("members did not sync within 30 s");
      }),
    ]);
    for (const c of clients) {
      c.client.doc.on("afterTransaction", (transaction: Y.Transaction) => {
        if (transaction.local) c.tracker.noteLocalTransaction(transaction);
      });
    }
    // Each member adds its own paragraph at the end; the two of a document then find theirs by its opening text.
    for (const c of clients) {
      const text = new Y.XmlText();
      text.insert(0, openingText(c.index));
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [text]);
      const fragment = c.client.doc.getXmlFragment(CONTENT_FIELD);
      fragment.insert(fragment.length, [paragraph]);
    }
    const typing = new TypingMembers([]);
    for (const c of clients) {
      const tracker = c.tracker;
      const fragment = c.client.doc.getXmlFragment(CONTENT_FIELD);
      const paragraph = fragment.toArray().find((node): node is Y.XmlElement => node instanceof Y.XmlElement && paragraphText(node) === openingText(c.index));
      if (!paragraph) throw new Error(`member ${c.index} lost its paragraph`);
      const member: Member = { index: c.index, docName: c.docName, client: c.client, paragraph, tracker, edits: 0, lastText: openingText(c.index), closes: [] };
      c.client.provider.on("connection-close", (event: { code?: number } | null) => {
        if (!typing.destroyed) member.closes.push(event?.code ?? 0);
      });
      typing.members.push(member);
    }
    return typing;
  }

  /** Every member replaces its paragraph `perSecond` times a second, the members' schedules spread evenly. */
  start(perSecond: number): void {
    if (this.members.length === 0 || perSecond <= 0) return;
    const period = 1000 / perSecond;
    const now = performance.now();
    const next = this.members.map((m) => now + (m.index / this.members.length) * period);
    this.ticker = setInterval(() => {
      const at = performance.now();
      for (const m of this.members) {
        // A stalled load generator does not catch up in a burst: people do not type faster after a pause.
        if (at - next[m.index]! > 10 * period) next[m.index] = at;
        while (at >= next[m.index]!) {
          this.replace(m);
          next[m.index]! += period;
        }
      }
    }, 10);
  }

  private replace(m: Member): void {
    const text = m.paragraph.get(0);
    if (!(text instanceof Y.XmlText)) throw new Error(`member ${m.index}: its paragraph has no text`);
    const next = `#T${m.index}.${m.edits + 1}#${FILLER}`;
    // Disconnected or not, the edit goes into the document; the provider sends it now or on reconnect.
    m.client.doc.transact(() => {
      text.delete(0, text.length);
      text.insert(0, next);
    });
    m.edits++;
    m.lastText = next;
  }

  stop(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = null;
  }

  get editsSent(): number {
    return this.members.reduce((sum, m) => sum + m.edits, 0);
  }

  /** Waits until the server has confirmed every member's edits as stored; returns those it has not. */
  async waitUntilSaved(timeoutMs: number): Promise<Member[]> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const unsaved = this.members.filter((m) => !m.tracker.isSaved());
      if (unsaved.length === 0 || performance.now() > deadline) return unsaved;
      await sleep(50);
    }
  }

  destroy(): void {
    this.destroyed = true; // our own closes are not the server's doing
    this.stop();
    for (const m of this.members) m.client.destroy();
  }
}
