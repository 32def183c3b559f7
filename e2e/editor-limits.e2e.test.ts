/**
 * A person who sends more than the server allows is told so in their language, and loses
 * nothing: the server closes the connection with "too fast", the editor explains the pause,
 * reconnects by itself and stores everything typed. The file's server allows only 5 messages
 * a second per connection (bursts of 50), so ordinary fast typing meets the limit.
 */
import { describe, expect, it } from "vitest";
import { demoNetworks } from "#db/seed/demo-data";
import { demoWorkProgrammes } from "#db/seed/demo-work-programmes";
import { closeSessions, DATABASE } from "./support/app";
import { editorText, openEditor, waitForEditorStatus } from "./support/editor";
import { eventually } from "./support/eventually";
import { texts } from "./support/i18n";
import { useAppAndBrowser } from "./support/suite";

const app = useAppAndBrowser({ collab: { limits: { messagesPerSecondPerConnection: 5 } } });

const NETWORK = demoNetworks.find((n) => n.id === "demo-net-mechatronics")!;
const WP = demoWorkProgrammes.find((wp) => wp.networkId === NETWORK.id)!;

describe(`the editor at the server's limits (${DATABASE})`, () => {
  it("explains a pause for sending too fast in the person's language, then stores everything typed", async () => {
    const luca = await app.openSession("mitglied.mechatronik@connactions.demo"); // it
    const katrin = await app.openSession("koordination.mechatronik@connactions.demo"); // de
    try {
      await Promise.all([openEditor(luca, NETWORK.slug, WP.id), openEditor(katrin, NETWORK.slug, WP.id)]);
      const sentence = "Visita di studio a Modena: programma, interpreti, alloggio e trasferimenti.";
      await luca.page.locator(".ProseMirror").click();
      await luca.page.keyboard.press("Control+End");
      await luca.page.keyboard.press("Enter");
      await luca.page.keyboard.type(sentence, { delay: 5 });

      const notice = luca.page.locator("main .wp-interrupted[role=status]");
      await notice.waitFor();
      expect(await notice.textContent()).toBe(texts.it.workprogramme.interrupted.tooFast);

      await waitForEditorStatus(luca, "saved");
      await eventually(async () => (await editorText(katrin.page)).includes(sentence), "the whole sentence reaches the colleague");
      // The server stored it: a fresh window shows it.
      const later = await app.openSession("member.mechatronik@connactions.demo");
      try {
        await openEditor(later, NETWORK.slug, WP.id);
        await eventually(async () => (await editorText(later.page)).includes(sentence), "the sentence in a new window");
      } finally {
        await closeSessions(later);
      }
      // The notice goes once the connection has been live for a while.
      await notice.waitFor({ state: "detached", timeout: 20_000 });
      expect(luca.errors).toEqual([]);
    } finally {
      await closeSessions(luca, katrin);
    }
  });
});
