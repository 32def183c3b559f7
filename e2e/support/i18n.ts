/**
 * The texts the tests look for, straight from locales/: a test asserts what a user of that
 * language reads, and a change of wording changes the expectation with it.
 */
import deCommon from "../../locales/de/common.json";
import deAuth from "../../locales/de/auth.json";
import deNetwork from "../../locales/de/network.json";
import deMail from "../../locales/de/mail.json";
import deWorkprogramme from "../../locales/de/workprogramme.json";
import deAdmin from "../../locales/de/admin.json";
import itCommon from "../../locales/it/common.json";
import itAuth from "../../locales/it/auth.json";
import itNetwork from "../../locales/it/network.json";
import itMail from "../../locales/it/mail.json";
import itWorkprogramme from "../../locales/it/workprogramme.json";
import itAdmin from "../../locales/it/admin.json";
import enCommon from "../../locales/en/common.json";
import enAuth from "../../locales/en/auth.json";
import enNetwork from "../../locales/en/network.json";
import enMail from "../../locales/en/mail.json";
import enWorkprogramme from "../../locales/en/workprogramme.json";
import enAdmin from "../../locales/en/admin.json";
import type { Locale } from "#shared/i18n/config";

export const texts = {
  de: { common: deCommon, auth: deAuth, network: deNetwork, mail: deMail, workprogramme: deWorkprogramme, admin: deAdmin },
  it: { common: itCommon, auth: itAuth, network: itNetwork, mail: itMail, workprogramme: itWorkprogramme, admin: itAdmin },
  en: { common: enCommon, auth: enAuth, network: enNetwork, mail: enMail, workprogramme: enWorkprogramme, admin: enAdmin },
} satisfies Record<Locale, unknown>;

/** Fills i18next-style {{placeholders}}. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
