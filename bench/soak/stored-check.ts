/**
 * After the server has stopped: rebuilds every document from the SQLite file the way a room
 * loads it (snapshot + update log, server/testing/stored-document.ts) and checks that each
 * member's paragraph holds exactly its last text and that the stored state vector reaches
 * the member's own clock, i.e. that every edit it made is in the database.
 */
import path from "node:path";
import * as Y from "yjs";
import { openDatabase } from "#db/connection";
import { CONTENT_FIELD } from "#shared/collab/work-programme-doc";
import { storedDoc } from "#server/testing/stored-document";
import { paragraphText, type Written } from "./members";

export interface StoredCheck {
  members: number;
  /** One line per member whose edits are not all stored. */
  problems: string[];
}

export async function checkEverythingStored(dataDir: string, members: Written[]): Promise<StoredCheck> {
  const handle = openDatabase({ sqlitePath: path.join(dataDir, "connactions.sqlite") });
  const problems: string[] = [];
  try {
    const docs = new Map<string, Y.Doc>();
    for (const m of members) {
      let doc = docs.get(m.docName);
      if (!doc) docs.set(m.docName, (doc = await storedDoc(handle.db, m.docName)));
      const texts = doc
        .getXmlFragment(CONTENT_FIELD)
        .toArray()
        .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement)
        .map(paragraphText);
      const own = texts.filter((t) => t.startsWith(`#T${m.index}.`) || t.startsWith(`#P${m.index}#`));
      const storedClock = Y.getState(doc.store, m.clientId);
      if (own.length !== 1 || own[0] !== m.lastText) {
        problems.push(`member ${m.index}: stored paragraph ${JSON.stringify(own.map((t) => t.slice(0, 24)))}, last edit ${JSON.stringify(m.lastText.slice(0, 24))}`);
      } else if (storedClock < m.clock) {
        problems.push(`member ${m.index}: stored clock ${storedClock} < its own ${m.clock}`);
      }
    }
    for (const doc of docs.values()) doc.destroy();
  } finally {
    await handle.close();
  }
  return { members: members.length, problems };
}
