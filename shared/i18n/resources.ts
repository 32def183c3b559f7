/**
 * All translations, bundled as JSON imports: the server needs every language (mails go out
 * in the recipient's language) and the pages are small enough that the client gets them too.
 */
import deCommon from "../../locales/de/common.json";
import deAuth from "../../locales/de/auth.json";
import deNetwork from "../../locales/de/network.json";
import deAdmin from "../../locales/de/admin.json";
import deMail from "../../locales/de/mail.json";
import deWorkProgramme from "../../locales/de/workprogramme.json";
import deExport from "../../locales/de/export.json";
import deHistory from "../../locales/de/history.json";
import deNotifications from "../../locales/de/notifications.json";
import itCommon from "../../locales/it/common.json";
import itAuth from "../../locales/it/auth.json";
import itNetwork from "../../locales/it/network.json";
import itAdmin from "../../locales/it/admin.json";
import itMail from "../../locales/it/mail.json";
import itWorkProgramme from "../../locales/it/workprogramme.json";
import itExport from "../../locales/it/export.json";
import itHistory from "../../locales/it/history.json";
import itNotifications from "../../locales/it/notifications.json";
import enCommon from "../../locales/en/common.json";
import enAuth from "../../locales/en/auth.json";
import enNetwork from "../../locales/en/network.json";
import enAdmin from "../../locales/en/admin.json";
import enMail from "../../locales/en/mail.json";
import enWorkProgramme from "../../locales/en/workprogramme.json";
import enExport from "../../locales/en/export.json";
import enHistory from "../../locales/en/history.json";
import enNotifications from "../../locales/en/notifications.json";
import deComments from "../../locales/de/comments.json";
import itComments from "../../locales/it/comments.json";
import enComments from "../../locales/en/comments.json";
import deCommons from "../../locales/de/commons.json";
import itCommons from "../../locales/it/commons.json";
import enCommons from "../../locales/en/commons.json";
import deRecommendations from "../../locales/de/recommendations.json";
import itRecommendations from "../../locales/it/recommendations.json";
import enRecommendations from "../../locales/en/recommendations.json";
import deLibrary from "../../locales/de/library.json";
import itLibrary from "../../locales/it/library.json";
import enLibrary from "../../locales/en/library.json";
import deEvents from "../../locales/de/events.json";
import itEvents from "../../locales/it/events.json";
import enEvents from "../../locales/en/events.json";
import deGlossary from "../../locales/de/glossary.json";
import itGlossary from "../../locales/it/glossary.json";
import enGlossary from "../../locales/en/glossary.json";
import deLanguages from "../../locales/de/languages.json";
import itLanguages from "../../locales/it/languages.json";
import enLanguages from "../../locales/en/languages.json";
import deIntake from "../../locales/de/intake.json";
import itIntake from "../../locales/it/intake.json";
import enIntake from "../../locales/en/intake.json";
import deOverview from "../../locales/de/overview.json";
import itOverview from "../../locales/it/overview.json";
import enOverview from "../../locales/en/overview.json";
import deBoard from "../../locales/de/board.json";
import itBoard from "../../locales/it/board.json";
import enBoard from "../../locales/en/board.json";
import type { Locale, Namespace } from "./config";

export type Resources = Record<Locale, Record<Namespace, Record<string, unknown>>>;

export const resources: Resources = {
  de: { common: deCommon, auth: deAuth, network: deNetwork, admin: deAdmin, mail: deMail, workprogramme: deWorkProgramme, export: deExport, history: deHistory, notifications: deNotifications, comments: deComments, commons: deCommons, recommendations: deRecommendations, library: deLibrary, events: deEvents, glossary: deGlossary, languages: deLanguages, intake: deIntake, overview: deOverview, board: deBoard },
  it: { common: itCommon, auth: itAuth, network: itNetwork, admin: itAdmin, mail: itMail, workprogramme: itWorkProgramme, export: itExport, history: itHistory, notifications: itNotifications, comments: itComments, commons: itCommons, recommendations: itRecommendations, library: itLibrary, events: itEvents, glossary: itGlossary, languages: itLanguages, intake: itIntake, overview: itOverview, board: itBoard },
  en: { common: enCommon, auth: enAuth, network: enNetwork, admin: enAdmin, mail: enMail, workprogramme: enWorkProgramme, export: enExport, history: enHistory, notifications: enNotifications, comments: enComments, commons: enCommons, recommendations: enRecommendations, library: enLibrary, events: enEvents, glossary: enGlossary, languages: enLanguages, intake: enIntake, overview: enOverview, board: enBoard },
};
