/**
 * What the database holds of a co-edited document (snapshot + update log), read the way a
 * room loads it: for tests that check "saved" meant stored, whatever the server did after.
 */
import * as Y from "yjs";
import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { findSnapshot, listUpdates } from "#db/queries/collab";
import { eventually } from "./collab-client";

export async function storedDoc(db: Kysely<Database>, name: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const [snapshot, updates] = await Promise.all([findSnapshot(db, name), listUpdates(db, name)]);
  Y.transact(doc, () => {
    if (snapshot && snapshot.state.byteLength > 0) Y.applyUpdate(doc, snapshot.state);
    for (const u of updates) Y.applyUpdate(doc, u.data);
  });
  return doc;
}

/** The stored text of the Y.Text "t" that the durability and cluster tests type into. */
export async function storedText(db: Kysely<Database>, name: string): Promise<string> {
  const doc = await storedDoc(db, name);
  const text = doc.getText("t").toString();
  doc.destroy();
  return text;
}

/** Waits until the stored text holds every tag (the flush window may still be open); throws naming what is missing. */
export async function waitUntilStored(db: Kysely<Database>, name: string, tags: string[], timeoutMs = 15_000): Promise<void> {
  let stored = "";
  await eventually(
    async () => {
      stored = await storedText(db, name);
      return tags.every((tag) => stored.includes(tag));
    },
    timeoutMs,
    "every edit stored",
  ).catch(() => {
    const missing = tags.filter((tag) => !stored.includes(tag));
    throw new Error(`${missing.length} of ${tags.length} edits not stored, e.g. ${missing.slice(0, 5).join(" ")}`);
  });
}
