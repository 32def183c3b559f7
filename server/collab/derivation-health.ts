/**
 * Failed derivations are visible: logged with the document's name, and recorded on the
 * document's row so that admins see them under "Documents with problems" until a later
 * derivation of the same document succeeds.
 *
 * Called from the rooms' derive hook (collab-server.ts), which runs a few seconds after
 * changes to every open document: the success path must stay cheap, and neither function
 * throws, so a problem with recording never turns into a problem with deriving.
 */
import type { Services } from "../services";
import { clearDeriveFailure, recordDeriveFailure } from "#db/queries/derive-problems";
import { nowIso } from "#shared/time";

const MAX_MESSAGE = 300;

/** One line for the admin page: the error's name and message, never its stack. */
export function shortDeriveMessage(error: unknown): string {
  const raw = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const line = raw.replace(/\s+/g, " ").trim() || "Error";
  return line.length > MAX_MESSAGE ? `${line.slice(0, MAX_MESSAGE - 1)}…` : line;
}

/**
 * Records the failure and logs it, with the stack, when it is new (or different from the
 * recorded one); the same failure again, on the next change, is only refreshed.
 */
export async function noteDerivationFailed(services: Services, name: string, error: unknown): Promise<void> {
  const message = shortDeriveMessage(error);
  try {
    const before = await recordDeriveFailure(services.db, name, message, nowIso());
    // The logger prints the error with its stack (which starts with the message).
    if (before !== message) services.log.error(`[collab] deriving ${name} failed`, error);
    else services.log.debug(`[collab] deriving ${name} failed again: ${message}`);
  } catch (recordError) {
    services.log.error(`[collab] deriving ${name} failed`, error);
    services.log.error(`[collab] recording the derivation failure of ${name} failed`, recordError);
  }
}

/** Clears a recorded failure; a no-op update (no row written) when there is none. */
export async function noteDerivationSucceeded(services: Services, name: string): Promise<void> {
  try {
    if (await clearDeriveFailure(services.db, name)) services.log.info(`[collab] deriving ${name} works again`);
  } catch (error) {
    services.log.error(`[collab] clearing the derivation failure of ${name} failed`, error);
  }
}
