/**
 * A client that types tagged edits like `<07:0012>` into the Y.Text "t" at random tag
 * boundaries (never inside a tag, so every tag stays readable whole) and remembers what it
 * wrote: the durability and fault tests then look for every tag in the final document.
 */
import type { DocClient } from "./collab-client";

export interface Typist {
  written: string[];
  typeOne(): void;
  start(): void;
  stop(): void;
}

export function typist(c: DocClient, index: number, everyMs: { min: number; spread: number } = { min: 15, spread: 15 }): Typist {
  const written: string[] = [];
  let n = 0;
  const text = c.doc.getText("t");
  const typeOne = () => {
    const tag = `<${String(index).padStart(2, "0")}:${String(n++).padStart(4, "0")}>`;
    const current = text.toString();
    const boundaries = [current.length];
    for (let i = current.indexOf("<"); i !== -1; i = current.indexOf("<", i + 1)) boundaries.push(i);
    text.insert(boundaries[Math.floor(Math.random() * boundaries.length)]!, tag);
    written.push(tag);
  };
  let timer: NodeJS.Timeout | null = null;
  return {
    written,
    typeOne,
    start() {
      timer = setInterval(typeOne, everyMs.min + Math.floor(Math.random() * everyMs.spread));
    },
    stop() {
      if (timer) clearInterval(timer);
    },
  };
}
