/**
 * The formatting toolbar: one tab stop, arrow keys move between buttons (WAI-ARIA toolbar
 * pattern). Every button has a visible text name; toggles say whether they are on
 * (aria-pressed). Keyboard shortcuts (Ctrl/⌘+B, I, U, Z, Shift+Z …) are tiptap's own.
 */
import { useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { useEditorSnapshot, type Editor } from "./tiptap-react.client";
import { isAllowedLinkUrl } from "#shared/editor/extensions";

export interface ToolbarButton {
  key: string;
  label: string;
  pressed?: boolean;
  disabled?: boolean;
  run: () => void;
  className?: string;
  startsGroup?: boolean;
  /** aria-keyshortcuts, for buttons whose shortcut is not tiptap's own. */
  keyShortcuts?: string;
}

export function Toolbar({
  editor,
  onLinkError,
  extraButtons = [],
}: {
  editor: Editor;
  onLinkError: (message: string | null) => void;
  /** Buttons of other features (e.g. "Comment"), appended as a group of their own. */
  extraButtons?: ToolbarButton[];
}) {
  const { t } = useTranslation("workprogramme");
  const [focusIndex, setFocusIndex] = useState(0);
  const buttonsRef = useRef<Array<HTMLButtonElement | null>>([]);

  const state = useEditorSnapshot(editor, (e) => ({
    paragraph: e.isActive("paragraph"),
    h1: e.isActive("heading", { level: 1 }),
    h2: e.isActive("heading", { level: 2 }),
    h3: e.isActive("heading", { level: 3 }),
    bold: e.isActive("bold"),
    italic: e.isActive("italic"),
    underline: e.isActive("underline"),
    bulletList: e.isActive("bulletList"),
    orderedList: e.isActive("orderedList"),
    blockquote: e.isActive("blockquote"),
    link: e.isActive("link"),
    inTable: e.isActive("table"),
    canUndo: e.can().undo(),
    canRedo: e.can().redo(),
  }));

  const chain = () => editor.chain().focus();

  const editLink = () => {
    const current = (editor.getAttributes("link").href as string | undefined) ?? "";
    const answer = window.prompt(t("toolbar.linkPrompt"), current);
    if (answer === null) return;
    const href = answer.trim();
    if (href === "") {
      onLinkError(null);
      chain().extendMarkRange("link").unsetLink().run();
      return;
    }
    if (!isAllowedLinkUrl(href)) {
      onLinkError(t("toolbar.linkInvalid"));
      return;
    }
    onLinkError(null);
    if (editor.state.selection.empty && !editor.isActive("link")) {
      chain()
        .insertContent({ type: "text", text: href, marks: [{ type: "link", attrs: { href } }] })
        .run();
    } else {
      chain().extendMarkRange("link").setLink({ href }).run();
    }
  };

  const buttons: ToolbarButton[] = [
    { key: "paragraph", label: t("toolbar.paragraph"), pressed: state.paragraph, run: () => chain().setParagraph().run() },
    { key: "h1", label: t("toolbar.heading1"), pressed: state.h1, run: () => chain().toggleHeading({ level: 1 }).run() },
    { key: "h2", label: t("toolbar.heading2"), pressed: state.h2, run: () => chain().toggleHeading({ level: 2 }).run() },
    { key: "h3", label: t("toolbar.heading3"), pressed: state.h3, run: () => chain().toggleHeading({ level: 3 }).run() },
    { key: "bold", label: t("toolbar.bold"), pressed: state.bold, run: () => chain().toggleBold().run(), className: "wp-toolbar__bold", startsGroup: true },
    { key: "italic", label: t("toolbar.italic"), pressed: state.italic, run: () => chain().toggleItalic().run(), className: "wp-toolbar__italic" },
    { key: "underline", label: t("toolbar.underline"), pressed: state.underline, run: () => chain().toggleUnderline().run(), className: "wp-toolbar__underline" },
    { key: "bulletList", label: t("toolbar.bulletList"), pressed: state.bulletList, run: () => chain().toggleBulletList().run(), startsGroup: true },
    { key: "orderedList", label: t("toolbar.orderedList"), pressed: state.orderedList, run: () => chain().toggleOrderedList().run() },
    { key: "blockquote", label: t("toolbar.quote"), pressed: state.blockquote, run: () => chain().toggleBlockquote().run() },
    { key: "link", label: t("toolbar.link"), pressed: state.link, run: editLink, startsGroup: true },
    {
      key: "table",
      label: t("toolbar.table"),
      disabled: state.inTable,
      run: () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
    },
    { key: "undo", label: t("toolbar.undo"), disabled: !state.canUndo, run: () => chain().undo().run(), startsGroup: true },
    { key: "redo", label: t("toolbar.redo"), disabled: !state.canRedo, run: () => chain().redo().run() },
    ...extraButtons,
  ];

  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const last = buttons.length - 1;
    const targets: Record<string, number> = {
      ArrowRight: focusIndex >= last ? 0 : focusIndex + 1,
      ArrowLeft: focusIndex <= 0 ? last : focusIndex - 1,
      Home: 0,
      End: last,
    };
    const next = targets[event.key];
    if (next === undefined) return;
    event.preventDefault();
    setFocusIndex(next);
    buttonsRef.current[next]?.focus();
  };

  return (
    <div className="wp-toolbar" role="toolbar" aria-label={t("toolbar.label")} aria-controls="wp-editor-text" onKeyDown={move}>
      {buttons.map((b, i) => (
        <button
          key={b.key}
          ref={(el) => {
            buttonsRef.current[i] = el;
          }}
          type="button"
          className={["wp-toolbar__button", b.className, b.startsGroup ? "wp-toolbar__button--group" : null].filter(Boolean).join(" ")}
          tabIndex={i === focusIndex ? 0 : -1}
          aria-pressed={b.pressed === undefined ? undefined : b.pressed}
          // aria-disabled keeps the button reachable with the arrow keys while it has no effect.
          aria-disabled={b.disabled ? true : undefined}
          aria-keyshortcuts={b.keyShortcuts}
          onFocus={() => setFocusIndex(i)}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => {
            if (!b.disabled) b.run();
          }}
        >
          {b.label}
        </button>
      ))}
    </div>
  );
}
