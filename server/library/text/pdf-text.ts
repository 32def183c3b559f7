/**
 * Text of a PDF, by poppler's pdftotext in a child process: PDF parsing is a large attack
 * surface, and a separate process can be killed on a deadline, cannot block our event loop and
 * takes its memory with it when it ends. We read its output as a stream and kill it once the
 * character limit is reached, so a PDF that "never ends" costs at most the time limit.
 */
import { spawn } from "node:child_process";
import { ExtractionStopped, type TextLimits } from "./text-limits";
import { TextCollector } from "./text-collector";
import type { ExtractedText } from "./office-text";

/** Set when pdftotext is not installed: PDFs are then not searchable (logged once by the indexer). */
export class PdfToolMissing extends Error {
  override name = "PdfToolMissing";
}

export function extractPdfText(path: string, limits: TextLimits, signal: AbortSignal): Promise<ExtractedText> {
  return new Promise((resolve, reject) => {
    const child = spawn("pdftotext", ["-q", "-enc", "UTF-8", "-nopgbrk", "-l", String(limits.maxPdfPages), path, "-"], {
      stdio: ["ignore", "pipe", "ignore"],
    });
    const collector = new TextCollector(limits.maxChars);
    const decoder = new TextDecoder("utf-8");
    let note = "";
    let settled = false;
    const stop = (why: string) => {
      if (!note) note = why;
      child.kill("SIGKILL");
    };
    const onAbort = () => stop("time limit");
    signal.addEventListener("abort", onAbort, { once: true });
    child.stdout.on("data", (chunk: Buffer) => {
      collector.add(decoder.decode(chunk, { stream: true }));
      if (collector.truncated) stop("character limit");
    });
    child.on("error", (error: NodeJS.ErrnoException) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener("abort", onAbort);
      reject(error.code === "ENOENT" ? new PdfToolMissing("pdftotext is not installed") : error);
    });
    child.on("close", (code) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener("abort", onAbort);
      const text = collector.text();
      // Killed by us: keep what arrived. Failed on its own (a broken PDF): keep any text it wrote.
      if (!note && code !== 0) note = `pdftotext exited with ${code}`;
      if (note && text.length === 0) reject(new ExtractionStopped(note));
      else resolve({ text, truncated: note !== "", note });
    });
  });
}
