/**
 * Section ids in the editor (shared/collab/sections.ts explains what sections are for).
 *
 * The attribute: every top-level block type carries `sid`, so the editor keeps it. Without
 * it in the schema, y-prosemirror would drop the attribute from a block the moment someone
 * typed in it, and the block's translations would lose their link.
 *
 * The plugin, after each local change (never a collaborator's, which arrives already named):
 * - "assign" (a source document): blocks without an id get one (the half after a split has
 *   none: `keepOnSplit: false`), and of two blocks sharing an id (a pasted copy) the later one
 *   gets a new id. What the server does with `ensureSectionIds`, in ProseMirror terms, so new
 *   text is linkable as soon as it is typed.
 * - "dedupe" (a language version): blocks typed in a version are continuations of the section
 *   before them, so they get no id of their own; only a duplicate id is cleared.
 * Two people naming one new block at once converge on one id (the attribute is one Y.Map key).
 */
import { Extension } from "@tiptap/core";
import { Plugin, PluginKey, type EditorState, type Transaction } from "@tiptap/pm/state";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import { isSectionId, newSectionId, SECTION_ID_ATTR } from "#shared/collab/sections";

/** The block types that can stand at the top level of a document's text. */
export const SECTION_BLOCK_TYPES = ["paragraph", "heading", "bulletList", "orderedList", "blockquote", "table", "horizontalRule"] as const;

export type SectionIdMode = "off" | "assign" | "dedupe";

export const sectionIdsKey = new PluginKey("sectionIds");

/** The transaction that names or un-names top-level blocks after `state`'s last change, or null when all is in order. */
export function sectionIdFixes(state: EditorState, mode: Exclude<SectionIdMode, "off">, makeId: () => string = newSectionId): Transaction | null {
  const seen = new Set<string>();
  let tr: Transaction | null = null;
  state.doc.forEach((node, offset) => {
    if (!(SECTION_BLOCK_TYPES as readonly string[]).includes(node.type.name)) return;
    const id: unknown = node.attrs[SECTION_ID_ATTR];
    if (isSectionId(id) && !seen.has(id)) {
      seen.add(id);
      return;
    }
    if (mode === "dedupe" && (id === null || id === undefined)) return;
    let next: string | null = null;
    if (mode === "assign") {
      next = makeId();
      while (seen.has(next)) next = makeId();
      seen.add(next);
    }
    tr ??= state.tr;
    tr.setNodeAttribute(offset, SECTION_ID_ATTR, next);
  });
  if (tr) (tr as Transaction).setMeta(sectionIdsKey, true).setMeta("addToHistory", false);
  return tr;
}

export function sectionIdsPlugin(mode: Exclude<SectionIdMode, "off">, makeId?: () => string): Plugin {
  return new Plugin({
    key: sectionIdsKey,
    appendTransaction(transactions, _old, state) {
      const local = transactions.some((tr) => tr.docChanged && tr.getMeta(ySyncPluginKey) === undefined && !tr.getMeta(sectionIdsKey));
      return local ? sectionIdFixes(state, mode, makeId) : null;
    },
  });
}

export const SectionIds = Extension.create<{ mode: SectionIdMode }>({
  name: "sectionIds",
  addOptions: () => ({ mode: "off" }),
  addGlobalAttributes() {
    return [
      {
        types: [...SECTION_BLOCK_TYPES],
        attributes: {
          [SECTION_ID_ATTR]: {
            default: null,
            // The half after a split is a new block; which one keeps the id must not be left to chance.
            keepOnSplit: false,
            parseHTML: (element: HTMLElement) => {
              const value = element.getAttribute("data-sid");
              return isSectionId(value) ? value : null;
            },
            renderHTML: (attributes: Record<string, unknown>) => (isSectionId(attributes[SECTION_ID_ATTR]) ? { "data-sid": attributes[SECTION_ID_ATTR] } : {}),
          },
        },
      },
    ];
  },
  addProseMirrorPlugins() {
    return this.options.mode === "off" ? [] : [sectionIdsPlugin(this.options.mode)];
  },
});
