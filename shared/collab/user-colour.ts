/**
 * A stable caret colour per person, derived from their id, so everyone sees the same
 * colour for the same person in every session. Dark enough for white label text (AA).
 */
const PALETTE = ["#1d4e89", "#8a1c7c", "#0f6b4f", "#a4161a", "#5b3cc4", "#7a4a00", "#00617a", "#6b2f1f"] as const;

export function colourFor(userId: string): string {
  let hash = 0;
  for (let i = 0; i < userId.length; i++) hash = (hash * 31 + userId.charCodeAt(i)) >>> 0;
  return PALETTE[hash % PALETTE.length]!;
}
