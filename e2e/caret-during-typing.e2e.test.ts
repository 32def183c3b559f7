/**
 * A caret move must hold while a colleague types. Caret keys the browser handles itself
 * (Ctrl+Home, Ctrl+End) reach ProseMirror a task later; a collaborator's update or moved caret
 * redrawn in between used to put the caret back, and the next letters landed in the old place
 * (app/editor/remote-change-gate.ts and app/editor/browser-selection-first.ts). One person
 * types without a pause at the start of the document; the other jumps to the start and back
 * to the end and types a marker, again and again. Every marker must end up at the end, in
 * order, and the typist's words must stay together.
 *
 * The race needs real timing, so a broken editor can pass by luck. Measured on a loaded
 * two-core machine: the editor before browser-selection-first.ts failed this test; in a longer
 * loop, 12 of 90 markers went astray without the gate and 2 of 60 without the redraw guard
 * (idle machine), none of 240 with both.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { demoNetworks } from "#db/seed/demo-data";
import { demoWorkProgrammes } from "#db/seed/demo-work-programmes";
import { closeSessions, DATABASE } from "./support/app";
import { editorText, openEditor } from "./support/editor";
import { eventually } from "./support/eventually";
import { useAppAndBrowser } from "./support/suite";

const app = useAppAndBrowser();

const MECHATRONICS = demoNetworks.find((n) => n.id === "demo-net-mechatronics")!;
const MECH_WP = demoWorkProgrammes.find((wp) => wp.networkId === MECHATRONICS.id)!;
const MARKERS = 30;

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The text of the editor's first or last block, collaborators' caret labels left out. */
const blockText = (page: Page, which: "first" | "last") => editorText(page, `.ProseMirror > :${which}-child`);

describe(`caret keys while a colleague types (${DATABASE})`, () => {
  it("every marker typed after Ctrl+End lands at the end while the other person types at the start", async () => {
    const katrin = await app.openSession("koordination.mechatronik@connactions.demo"); // de
    const luca = await app.openSession("mitglied.mechatronik@connactions.demo"); // it
    try {
      await Promise.all([openEditor(katrin, MECHATRONICS.slug, MECH_WP.id), openEditor(luca, MECHATRONICS.slug, MECH_WP.id)]);
      await katrin.page.locator(".ProseMirror").click();
      await katrin.page.keyboard.press("Control+Home");
      await pause(400); // Katrin's caret is read before anyone types.
      await luca.page.locator(".ProseMirror").click();

      let typing = true;
      let typed = "";
      const katrinTypes = (async () => {
        for (let n = 0; typing; n++) {
          const word = `wort${n} `;
          await katrin.page.keyboard.type(word, { delay: 10 });
          typed += word;
        }
      })();
      const markers: string[] = [];
      try {
        for (let i = 0; i < MARKERS; i++) {
          const marker = `#m${i};`;
          markers.push(marker);
          await luca.page.keyboard.press("Control+Home");
          await luca.page.keyboard.press("Control+End");
          await luca.page.keyboard.type(marker, { delay: 10 });
          await pause(100 + ((i * 37) % 200)); // uneven gaps, so the keys meet updates at many moments
        }
      } finally {
        typing = false;
        await katrinTypes;
      }

      await eventually(
        async () => (await editorText(katrin.page)) === (await editorText(luca.page)),
        "the same text on both pages",
      );
      const lastBlock = await blockText(luca.page, "last");
      const misplaced = markers.filter((marker) => !lastBlock.includes(marker));
      expect(misplaced, `markers not in the last block: ${lastBlock.slice(-300)}`).toEqual([]);
      expect(lastBlock.endsWith(markers.join(""))).toBe(true);
      expect(await blockText(luca.page, "first")).toContain(typed);
      expect(katrin.errors).toEqual([]);
      expect(luca.errors).toEqual([]);
    } finally {
      await closeSessions(katrin, luca);
    }
  }, 120_000);
});
