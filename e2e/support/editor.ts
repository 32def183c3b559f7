/**
 * The work-programme editor page as the specs drive it: open it live, wait for what its
 * status line says, and read its text the way its readers see it.
 */
import type { Page } from "playwright-core";
import { waitForHydration, workProgrammePath, type Session } from "./app";
import { texts } from "./i18n";

/**
 * The editor's element as tiptap leaves it (`.ProseMirror` carries its editor), for checks
 * inside `page.evaluate` that must read ProseMirror's own state rather than the DOM.
 */
export type EditorHost = HTMLElement & {
  editor?: { state: { selection: { from: number; to: number }; doc: { textBetween(from: number, to: number): string } } };
};

/** A state the editor's status line announces (the keys of "status" in workprogramme.json). */
export type EditorStatus = keyof (typeof texts)["en"]["workprogramme"]["status"];

/**
 * Waits until the editor's status line says `status` in the session's language. The status
 * line is what tells a person whether their edits are live, stored or read-only, so the
 * tests wait on it rather than on internals of the editor.
 */
export async function waitForEditorStatus(session: Session, status: EditorStatus): Promise<void> {
  await session.page.waitForFunction(
    (text) => document.querySelector("main .wp-status[role=status]")?.textContent?.includes(text) ?? false,
    texts[session.locale].workprogramme.status[status],
  );
}

/**
 * Opens a work programme in the session's window and waits until the editor is connected
 * ("live"): typing before that would race the first sync with the server. `search` is the
 * query string, e.g. "?thread=…".
 */
export async function openEditor(session: Session, slug: string, id: string, search = ""): Promise<void> {
  await session.page.goto(`${workProgrammePath(slug, id)}${search}`);
  await waitForHydration(session.page);
  await session.page.locator(".ProseMirror").waitFor();
  await waitForEditorStatus(session, "live");
}

/**
 * The document's text (or one block's, by `selector`) as its readers see it. Collaborators'
 * carets are elements inside the editor whose labels carry the collaborator's name, so they
 * are removed from a copy first; otherwise a name would turn up in the middle of the text
 * wherever someone else's caret stands. The copy is never rendered, so blocks run together without line breaks (innerText
 * of an unrendered element is its textContent too).
 */
export async function editorText(page: Page, selector = ".ProseMirror"): Promise<string> {
  return page.evaluate((selector) => {
    const root = document.querySelector(selector);
    if (!root) return "";
    const copy = root.cloneNode(true) as HTMLElement;
    copy.querySelectorAll(".collab-caret").forEach((caret) => caret.remove());
    return copy.textContent ?? "";
  }, selector);
}

/**
 * What each person's editor shows right now (status line, text, where the editor's own
 * selection is), for the message of a failed wait: a timeout then says whose side differs.
 */
export async function describeEditors(sessions: Record<string, Session>): Promise<string> {
  const lines: string[] = [];
  for (const [name, session] of Object.entries(sessions)) {
    const seen = await session.page.evaluate(() => {
      const dom = document.querySelector<EditorHost>(".ProseMirror");
      const selection = dom?.editor?.state.selection;
      return {
        status: document.querySelector("main .wp-status[role=status]")?.textContent ?? "(no status line)",
        selection: selection ? `${selection.from}-${selection.to}` : "(no editor)",
        domSelection: document.getSelection()?.toString() ?? "",
        focused: document.activeElement?.className ?? "",
      };
    });
    lines.push(`${name}: status "${seen.status}", editor selection ${seen.selection}, DOM selection "${seen.domSelection}", focus on "${seen.focused}"`);
    lines.push(`${name}'s text: ${await editorText(session.page)}`);
  }
  return lines.join("\n");
}
