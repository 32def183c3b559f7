/**
 * The library's hourly chores: items trashed more than 30 days ago go for good, uploads
 * abandoned for a day lose their partial bytes, and their rows go too. Each chore is
 * idempotent, so several instances doing it at once only repeat harmless deletes.
 */
import type { Services } from "#server/services";
import { purgeExpiredTrash } from "#server/domain/library/trash";
import { deleteStaleUploads } from "#db/queries/library";
import type { UploadEndpoint } from "./http/upload-endpoint";

const HOUR_MS = 60 * 60 * 1000;

export async function libraryHousekeeping(services: Services, uploads: UploadEndpoint, now = Date.now()): Promise<void> {
  await purgeExpiredTrash(services, now);
  await uploads.cleanUp();
  await deleteStaleUploads(services.db, new Date(now - 24 * HOUR_MS).toISOString());
}

/** Runs the chores every hour; returns the stop function. Failures are logged, never thrown. */
export function scheduleLibraryHousekeeping(services: Services, uploads: UploadEndpoint): () => void {
  const timer = setInterval(() => {
    libraryHousekeeping(services, uploads).catch((error: unknown) => services.log.error("[library] housekeeping failed", error));
  }, HOUR_MS);
  timer.unref();
  return () => clearInterval(timer);
}
