/**
 * Polling for conditions playwright cannot wait on by itself: state in the server or database,
 * or a value computed from several reads of the page. The loop is the integration tests'
 * (#server/testing/collab-client); browser tests want a longer default and a failure that says
 * what each page showed.
 */
import { eventually as poll } from "#server/testing/collab-client";

export interface EventuallyOptions {
  /** How long to keep trying. The generous default is for a loaded two-core CI machine. */
  timeoutMs?: number;
  /** Extra detail for the timeout error, e.g. what each page shows, so a failure explains itself. */
  describe?: () => Promise<string>;
}

/** Polls `check` until it returns true; fails with "timed out waiting for <what>" and the detail. */
export async function eventually(check: () => Promise<boolean>, what: string, options: EventuallyOptions = {}): Promise<void> {
  const { timeoutMs = 20_000, describe } = options;
  try {
    await poll(check, timeoutMs, what);
  } catch (error) {
    if (!describe) throw error;
    throw new Error(`${(error as Error).message}\n${await describe()}`);
  }
}
