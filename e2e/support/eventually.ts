/**
 * Polling for conditions playwright cannot wait on by itself: state in the server or database,
 * or a value computed from several reads of the page.
 */

export interface EventuallyOptions {
  /** How long to keep trying. The generous default is for a loaded two-core CI machine. */
  timeoutMs?: number;
  /** Extra detail for the timeout error, e.g. what each page shows, so a failure explains itself. */
  describe?: () => Promise<string>;
}

/** Polls `check` every 50 ms until it returns true; fails with "timed out waiting for <what>". */
export async function eventually(check: () => Promise<boolean>, what: string, options: EventuallyOptions = {}): Promise<void> {
  const { timeoutMs = 20_000, describe } = options;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}${describe ? `\n${await describe()}` : ""}`);
}
