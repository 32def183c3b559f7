/**
 * Every benchmark update inserts a tag "#T<writer>.<seq>#" into the text. The tag travels
 * as plain UTF-8 inside the Yjs update (ContentString), so a receiver finds it with a byte
 * scan whatever server re-encoded the update, and the relay's raw bytes carry it too.
 */
const HASH = 0x23;
const LETTER_T = 0x54;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;

export const tagText = (writer: number, seq: number) => `#T${writer}.${seq}#`;

/** Calls `found` for every tag in the message; cheap enough to run on every receipt. */
export function scanTags(bytes: Uint8Array, found: (writer: number, seq: number) => void): void {
  const end = bytes.length;
  for (let i = 0; i + 5 < end; i++) {
    if (bytes[i] !== HASH || bytes[i + 1] !== LETTER_T) continue;
    let j = i + 2;
    let writer = 0;
    const writerStart = j;
    for (let b = bytes[j]; b !== undefined && b >= ZERO && b <= NINE; b = bytes[++j]) writer = writer * 10 + (b - ZERO);
    if (j === writerStart || bytes[j] !== DOT) continue;
    const seqStart = ++j;
    let seq = 0;
    for (let b = bytes[j]; b !== undefined && b >= ZERO && b <= NINE; b = bytes[++j]) seq = seq * 10 + (b - ZERO);
    if (j === seqStart || bytes[j] !== HASH) continue;
    found(writer, seq);
    i = j;
  }
}
