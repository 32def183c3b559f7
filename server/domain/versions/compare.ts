/** Word-level comparison of a version's text with the current text, for the history view. */
import { diffWords } from "diff";

export interface DiffSegment {
  kind: "same" | "added" | "removed";
  text: string;
}

export function compareTexts(versionText: string, currentText: string): DiffSegment[] {
  return diffWords(versionText, currentText).map((part) => ({
    kind: part.added ? "added" : part.removed ? "removed" : "same",
    text: part.value,
  }));
}
