/**
 * Migrations are listed here explicitly (not read from the folder) so the bundled
 * production server carries them. Names sort by time; never rename or edit a shipped one.
 */
import type { Migration } from "kysely";
import * as spine from "./20261121_0830_spine";
import * as workProgrammes from "./20261121_0930_work_programmes";
import * as commentsVersionsNotifications from "./20261121_1000_comments_versions_notifications";
import * as throttleEvents from "./20261121_1100_throttle_events";
import * as collabHardening from "./20261204_1000_collab_hardening";
import * as commonsOwner from "./20261204_1100_commons_owner";
import * as findingsGoodPractice from "./20261204_1200_findings_good_practice";
import * as recommendations from "./20261204_1300_recommendations";
import * as library from "./20261206_1000_library";
import * as libraryText from "./20261206_2000_library_text";
import * as libraryShares from "./20261206_2100_library_shares";
import * as events from "./20261207_1000_events";
import * as minutesActions from "./20261207_1100_minutes-actions";
import * as languageVersionsGlossary from "./20261207_1200_language-versions-glossary";
import * as expressionsOfInterest from "./20261207_1300_expressions-of-interest";
import * as partnershipsSelection from "./20261207_1400_partnerships-selection";
import * as stayInTouch from "./20261207_1500_stay-in-touch";

export const migrations: Record<string, Migration> = {
  "20261121_0830_spine": spine,
  "20261121_0930_work_programmes": workProgrammes,
  "20261121_1000_comments_versions_notifications": commentsVersionsNotifications,
  "20261121_1100_throttle_events": throttleEvents,
  "20261204_1000_collab_hardening": collabHardening,
  "20261204_1100_commons_owner": commonsOwner,
  "20261204_1200_findings_good_practice": findingsGoodPractice,
  "20261204_1300_recommendations": recommendations,
  "20261206_1000_library": library,
  "20261206_2000_library_text": libraryText,
  "20261206_2100_library_shares": libraryShares,
  "20261207_1000_events": events,
  "20261207_1100_minutes-actions": minutesActions,
  "20261207_1200_language-versions-glossary": languageVersionsGlossary,
  "20261207_1300_expressions-of-interest": expressionsOfInterest,
  "20261207_1400_partnerships-selection": partnershipsSelection,
  "20261207_1500_stay-in-touch": stayInTouch,
};
