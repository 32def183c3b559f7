/** A comparison of two versions of a document, block by block (server/domain/versions/compare.ts draws nothing; app/components/compared-blocks.tsx does). */

export interface DiffSegment {
  kind: "same" | "added" | "removed";
  text: string;
}

/** What a block is, enough to draw it again: a heading of a level, an item of a kind of list, … */
export type BlockShape =
  | { type: "heading"; level: number }
  | { type: "paragraph" }
  | { type: "listItem"; ordered: boolean; depth: number }
  | { type: "quote" }
  | { type: "code" }
  | { type: "cell" };

export interface DiffBlock {
  shape: BlockShape;
  status: "same" | "changed" | "added" | "removed";
  segments: DiffSegment[];
}
