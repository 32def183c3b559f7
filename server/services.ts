/**
 * The process-wide singletons every entry point needs. Created once in server/index.ts
 * (or by a test) and handed to Remix through the load context, because in dev Vite loads
 * app code as a second module graph and module-level singletons would be duplicated.
 */
import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import type { Dialect } from "#db/connection";
import type { Config } from "./config";
import type { Mailer } from "./mail/mailer";
import type { PlatformEvents } from "./events";
import type { Logger } from "./log";
import type { Cluster } from "./cluster/cluster";
import type { LibraryStorage } from "./library/storage/library-storage";
import type { TranslationProvider } from "./translations/provider";

export interface Services {
  db: Kysely<Database>;
  dialect: Dialect;
  config: Config;
  mailer: Mailer;
  events: PlatformEvents;
  log: Logger;
  /** The other instances (REDIS_URL), or a one-process stand-in that answers locally. */
  cluster: Cluster;
  /** The document library's bytes: the blob store and the uploads under way. */
  library: LibraryStorage;
  /** Machine translation (TRANSLATION_PROVIDER), or null: then everything is translated by hand. */
  translator: TranslationProvider | null;
}
