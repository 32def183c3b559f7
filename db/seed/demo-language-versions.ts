/**
 * DEMO DATA: the Italian version of the mechatronics network's German work programme
 * (./demo-work-programmes.ts), linked to it section by section through the fixed section ids
 * there (docs/decisions/0022-language-versions.md). Pure data: server/demo/
 * apply-demo-language-versions.ts stores it as the Y.Doc `workprogramme.demo-wp-mechatronics.it`
 * with its section records.
 *
 * The sections are in every state a reader of a version meets: reviewed by a person of the
 * network, machine-translated and not reviewed yet, outdated (translated from an older German
 * wording, so the page shows the change since), written by hand and never checked, and one
 * German section not translated at all. The Italian text is invented; the reviewer is a
 * fictitious person of ./demo-data.ts. Dates are RELATIVE to the seed's `now` (days before it).
 */
import type { Locale } from "#shared/i18n/config";
import type { ReviewState } from "#shared/collab/section-status";
import { MECH_SECTION_IDS, pm, type PmJson } from "./demo-work-programmes";

/** What a section of the version is meant to show, and the record that makes it so. */
export type DemoSectionIntent =
  /** A record whose base is the German section's text as seeded: current. */
  | { sid: string; intended: ReviewState; daysAgo: number }
  /** A record made from an older German wording (`base`): the section shows as outdated. */
  | { sid: string; intended: "outdated"; recorded: ReviewState; base: string; daysAgo: number }
  /** An Italian block without a record. */
  | { sid: string; intended: "unchecked" }
  /** No Italian block for this German section. */
  | { sid: string; intended: "untranslated" };

export interface DemoLanguageVersion {
  /** The work programme (./demo-work-programmes.ts) this is a version of. */
  workProgrammeId: string;
  sourceLanguage: Locale;
  language: Locale;
  /** Who added the version, reviewed and machine-translated its sections (a demo person's id). */
  createdBy: string;
  /** Days before the seed's `now` the version was added. */
  createdDaysAgo: number;
  /** The version's text: top-level blocks carry the German sections' ids. */
  content: PmJson;
  /** One entry per German section, in the source's order. */
  sections: DemoSectionIntent[];
}

const { p, h, bullets, bold, table, doc, withSid } = pm;
const [objectives, goals, tasks, workingHeading, working, meetings, contributionHeading, contribution] = MECH_SECTION_IDS;

export const demoLanguageVersions: DemoLanguageVersion[] = [
  {
    workProgrammeId: "demo-wp-mechatronics",
    sourceLanguage: "de",
    language: "it",
    // Luca Ferretti, the network's Italian member.
    createdBy: "demo-user-mechatronik-2",
    createdDaysAgo: 30,
    content: doc(
      withSid(h(2, "Obiettivi"), objectives),
      withSid(
        p(
          "Entro la fine del 2026 la rete sviluppa ",
          bold("tre compiti di apprendimento comuni"),
          " per gli apprendisti in meccatronica, da utilizzare allo stesso modo nelle aziende di Augusta e di Modena. Con visite reciproche, il personale formativo delle due regioni conosce da vicino come formano i partner.",
        ),
        goals,
      ),
      withSid(
        bullets(
          "Compito di apprendimento 1: messa in servizio di un piccolo impianto di trasporto",
          "Compito di apprendimento 2: ricerca guasti su azionamenti collegati in rete",
          "Compito di apprendimento 3: pianificare la manutenzione con i dati della macchina",
        ),
        tasks,
      ),
      withSid(h(2, "Modalità di lavoro"), workingHeading),
      // Translated from the older German wording in `sections` below (every two months, once a year).
      withSid(
        p(
          "I partner si incontrano online ogni due mesi e una volta all'anno in presenza. Bozze e verbali sono disponibili sulla piattaforma; per il viaggio di studio è previsto un servizio di interpretariato.",
        ),
        working,
      ),
      withSid(
        table(["Incontro", "Luogo", "Formato"], ["Gennaio 2026", "Augusta", "Incontro di avvio"], ["Maggio 2026", "Modena", "Viaggio di studio"], ["Novembre 2026", "online", "Incontro della rete"]),
        meetings,
      ),
      withSid(h(2, "Contributo alla rete delle reti"), contributionHeading),
      // `contribution` has no Italian block yet.
    ),
    sections: [
      { sid: objectives, intended: "reviewed", daysAgo: 3 },
      { sid: goals, intended: "reviewed", daysAgo: 3 },
      { sid: tasks, intended: "machine", daysAgo: 8 },
      { sid: workingHeading, intended: "reviewed", daysAgo: 3 },
      {
        sid: working,
        intended: "outdated",
        recorded: "reviewed",
        base: "Die Partner treffen sich alle zwei Monate online und einmal im Jahr vor Ort. Entwürfe und Protokolle liegen auf der Plattform; für die Studienreise wird Dolmetschen eingeplant.",
        daysAgo: 29,
      },
      { sid: meetings, intended: "unchecked" },
      { sid: contributionHeading, intended: "machine", daysAgo: 8 },
      { sid: contribution, intended: "untranslated" },
    ],
  },
];
