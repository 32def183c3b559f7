/**
 * The participants list as CSV for organisers (a spreadsheet for the venue, the hotel, the
 * interpreters), headers in the organiser's language. Cells that a spreadsheet would run as
 * a formula are prefixed with an apostrophe: names and needs are typed by other people.
 */
import { stringify } from "csv-stringify/sync";
import type { Locale } from "#shared/i18n/config";
import { fixedT } from "#shared/i18n/instance";
import type { participants } from "./event-page";

type Participant = Awaited<ReturnType<typeof participants>>[number];

const FORMULA_START = /^[=+\-@\t\r]/;
const cell = (value: string | number | null | undefined): string => {
  const text = value === null || value === undefined ? "" : String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
};

export function participantsCsv(rows: readonly Participant[], locale: Locale): string {
  const t = fixedT(locale);
  const yesNo = (value: boolean | null) => (value === null ? "" : value ? t("events:csv.yes") : t("events:csv.no"));
  const header = ["name", "email", "organisation", "country", "status", "position", "preferredLanguage", "understands", "accessibilityNeeds", "dietaryNeeds", "arrival", "departure", "needsRoom", "attended", "registeredBy"].map((key) => t(`events:csv.${key}`));
  const body = rows.map((r) => [
    r.name,
    r.email,
    r.organisation,
    r.country,
    t(`events:registrationStatus.${r.status}`),
    r.position,
    r.preferredLanguage,
    r.understands.join(" "),
    r.accessibilityNeeds,
    r.dietaryNeeds,
    r.arrival,
    r.departure,
    yesNo(r.needsRoom),
    yesNo(r.attended),
    r.registeredBy,
  ].map(cell));
  // A byte-order mark lets spreadsheet programs read the umlauts and accents as UTF-8.
  return `\uFEFF${stringify([header, ...body], { record_delimiter: "\r\n" })}`;
}
