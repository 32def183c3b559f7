/**
 * DEMO DATA: one work programme per demo network. Invented text in the networks' working
 * language (German or Italian), activities with responsible organisations, months and
 * statuses, and two milestones each. Ids are fixed so the seed stays idempotent.
 */
import type { Activity, Milestone } from "#shared/collab/work-programme-doc";

/** A ProseMirror JSON node (the schema comes from shared/editor/extensions.ts). */
export interface PmJson {
  type: string;
  attrs?: Record<string, unknown>;
  text?: string;
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
  content?: PmJson[];
}

export interface DemoWorkProgramme {
  id: string;
  networkId: string;
  title: string;
  createdBy: string;
  content: PmJson;
  activities: Activity[];
  milestones: Milestone[];
}

const text = (value: string, marks?: PmJson["marks"]): PmJson => (marks ? { type: "text", text: value, marks } : { type: "text", text: value });
const p = (...parts: Array<string | PmJson>): PmJson => ({ type: "paragraph", content: parts.map((x) => (typeof x === "string" ? text(x) : x)) });
const h = (level: 1 | 2 | 3, value: string): PmJson => ({ type: "heading", attrs: { level }, content: [text(value)] });
const bullets = (...items: string[]): PmJson => ({ type: "bulletList", content: items.map((i) => ({ type: "listItem", content: [p(i)] })) });
const numbered = (...items: string[]): PmJson => ({ type: "orderedList", content: items.map((i) => ({ type: "listItem", content: [p(i)] })) });
const bold = (value: string) => text(value, [{ type: "bold" }]);
const cell = (kind: "tableHeader" | "tableCell", value: string): PmJson => ({ type: kind, content: [p(value)] });
const table = (head: string[], ...rows: string[][]): PmJson => ({
  type: "table",
  content: [
    { type: "tableRow", content: head.map((v) => cell("tableHeader", v)) },
    ...rows.map((r) => ({ type: "tableRow", content: r.map((v) => cell("tableCell", v)) })),
  ],
});
const doc = (...content: PmJson[]): PmJson => ({ type: "doc", content });
/** A top-level block with a fixed section id (shared/collab/sections.ts), so language versions can link to it. */
const withSid = (block: PmJson, sid: string): PmJson => ({ ...block, attrs: { ...block.attrs, sid } });

/** The builders above, for other demo files that write ProseMirror JSON in the same shape. */
export const pm = { text, p, h, bullets, numbered, bold, table, doc, withSid };

/**
 * Section ids of the mechatronics work programme's blocks, in order: its Italian version
 * (demo-language-versions.ts) is linked to it through them.
 */
export const MECH_SECTION_IDS = ["demo-s-mech-01", "demo-s-mech-02", "demo-s-mech-03", "demo-s-mech-04", "demo-s-mech-05", "demo-s-mech-06", "demo-s-mech-07", "demo-s-mech-08"] as const;
/** Gives the blocks their section ids in order. */
const sectioned = (ids: readonly string[], ...blocks: PmJson[]): PmJson => {
  if (ids.length !== blocks.length) throw new Error(`demo work programme: ${blocks.length} blocks for ${ids.length} section ids`);
  return doc(...blocks.map((block, i) => withSid(block, ids[i]!)));
};

const activity = (
  id: string,
  title: string,
  responsible: string[],
  start: string,
  end: string,
  status: Activity["status"],
  note = "",
): Activity => ({ id: `demo-act-${id}`, title, responsible: responsible.map((r) => `demo-org-${r}`), start, end, status, note });
const milestone = (id: string, title: string, due: string, reached: boolean): Milestone => ({ id: `demo-ms-${id}`, title, due, reached });

export const demoWorkProgrammes: DemoWorkProgramme[] = [
  {
    id: "demo-wp-mechatronics",
    networkId: "demo-net-mechatronics",
    title: "Arbeitsprogramm 2026",
    createdBy: "demo-user-mechatronik-1",
    content: sectioned(
      MECH_SECTION_IDS,
      h(2, "Ziele"),
      p(
        "Bis Ende 2026 entwickelt das Netzwerk ",
        bold("drei gemeinsame Lernaufgaben"),
        " für Auszubildende in der Mechatronik, die in den Betrieben in Augsburg und Modena gleichermaßen eingesetzt werden können. Das Ausbildungspersonal beider Regionen lernt bei gegenseitigen Besuchen, wie die Partner ausbilden.",
      ),
      bullets(
        "Lernaufgabe 1: Inbetriebnahme einer kleinen Förderanlage",
        "Lernaufgabe 2: Fehlersuche an vernetzten Antrieben",
        "Lernaufgabe 3: Wartung planen mit Daten aus der Maschine",
      ),
      h(2, "Arbeitsweise"),
      p(
        "Die Partner treffen sich einmal im Monat online und zweimal im Jahr vor Ort. Entwürfe und Protokolle liegen auf der Plattform; für die Studienreise wird Dolmetschen eingeplant, Sprachkenntnisse sind keine Voraussetzung.",
      ),
      table(["Treffen", "Ort", "Format"], ["Januar 2026", "Augsburg", "Auftakttreffen"], ["Mai 2026", "Modena", "Studienreise"], ["November 2026", "online", "Netzwerktreffen"]),
      h(2, "Beitrag zum Netzwerk der Netzwerke"),
      p("Was sich in der Zusammenarbeit von Betrieb, Kammer und Berufsschule bewährt, bringt das Netzwerk als Erkenntnis in das Netzwerk der Netzwerke ein."),
    ),
    activities: [
      activity("mech-1", "Auftakttreffen in Augsburg", ["mech-de-1", "mech-de-2"], "2026-01", "2026-01", "done", "Protokoll liegt auf der Plattform."),
      activity("mech-2", "Gemeinsame Lernaufgaben entwickeln", ["mech-de-3", "mech-it-2"], "2026-02", "2026-07", "in_progress"),
      activity("mech-3", "Studienreise des Ausbildungspersonals nach Modena", ["mech-it-1", "mech-it-3", "mech-de-1"], "2026-05", "2026-06", "planned", "Dolmetschen anfragen."),
      activity("mech-4", "Erprobung der Lernaufgaben mit Auszubildenden", ["mech-de-3", "mech-it-2", "mech-it-1"], "2026-09", "2026-12", "planned"),
    ],
    milestones: [
      milestone("mech-1", "Auftakttreffen durchgeführt", "2026-01-30", true),
      milestone("mech-2", "Erste Lernaufgabe in beiden Regionen erprobt", "2026-10-15", false),
    ],
  },
  {
    id: "demo-wp-green",
    networkId: "demo-net-green",
    title: "Arbeitsprogramm 2026",
    createdBy: "demo-user-energie-1",
    content: doc(
      h(2, "Ziele"),
      p(
        "Handwerksbetriebe in Nordrhein-Westfalen und der Toskana brauchen Fachkräfte für Photovoltaik und Wärmepumpen. Das Netzwerk entwickelt dafür eine ",
        bold("Zusatzqualifikation"),
        ", die Auszubildende während der dualen Ausbildung erwerben können, und macht den Beruf bei Jugendlichen bekannter.",
      ),
      h(2, "Schwerpunkte"),
      numbered(
        "Bedarf der Innungsbetriebe erheben",
        "Modul Wärmepumpentechnik beschreiben und mit beiden Kammern abstimmen",
        "Ergebnisse auf einer Fachkonferenz vorstellen",
      ),
      h(3, "Zusammenarbeit mit den Sozialpartnern"),
      p("Gewerkschaft und Handwerksverband bringen die Sicht der Beschäftigten und der Kleinbetriebe ein; jede Fassung des Moduls geht vor der Abstimmung an beide."),
    ),
    activities: [
      activity("green-1", "Bedarfsanalyse in Innungsbetrieben", ["green-de-1", "green-it-3"], "2026-01", "2026-03", "done"),
      activity("green-2", "Modulbeschreibung Wärmepumpentechnik", ["green-de-2", "green-it-2"], "2026-03", "2026-08", "in_progress"),
      activity("green-3", "Informationskampagne für Jugendliche", ["green-de-3", "green-it-3"], "2026-04", "2026-09", "delayed", "Materialien warten auf die Übersetzung."),
      activity("green-4", "Fachkonferenz in Florenz", ["green-it-1"], "2026-10", "2026-10", "planned"),
    ],
    milestones: [
      milestone("green-1", "Bedarfsanalyse veröffentlicht", "2026-03-31", true),
      milestone("green-2", "Modul von beiden Kammern abgestimmt", "2026-09-30", false),
    ],
  },
  {
    id: "demo-wp-hospitality",
    networkId: "demo-net-hospitality",
    title: "Programma di lavoro 2026",
    createdBy: "demo-user-gastgewerbe-1",
    content: doc(
      h(2, "Obiettivi"),
      p(
        "La rete organizza ",
        bold("tirocini di scambio"),
        " per apprendisti del settore alberghiero e della ristorazione tra il Lago di Costanza e il Trentino, e rafforza il ruolo delle parti sociali nella formazione.",
      ),
      bullets("Accordo quadro tra camere e associazioni", "Dieci apprendisti in scambio nella stagione estiva", "Un workshop comune con le parti sociali"),
      h(2, "Modalità di lavoro"),
      p("I partner si incontrano online ogni mese. Gli alberghi partner nominano un tutor per ogni apprendista ospite; le scuole riconoscono il periodo all'estero nel percorso formativo."),
    ),
    activities: [
      activity("hosp-1", "Accordo quadro per i tirocini di scambio", ["hosp-it-3", "hosp-de-2"], "2026-01", "2026-03", "done"),
      activity("hosp-2", "Selezione dei primi apprendisti", ["hosp-it-2", "hosp-de-3"], "2026-03", "2026-04", "in_progress"),
      activity("hosp-3", "Tirocini estivi negli alberghi partner", ["hosp-de-1", "hosp-it-1"], "2026-06", "2026-09", "planned"),
      activity("hosp-4", "Workshop con le parti sociali", ["hosp-de-2", "hosp-it-3"], "2026-11", "2026-11", "planned"),
    ],
    milestones: [
      milestone("hosp-1", "Accordo quadro firmato", "2026-03-20", true),
      milestone("hosp-2", "Primi dieci apprendisti in scambio", "2026-07-01", false),
    ],
  },
  {
    id: "demo-wp-fashion",
    networkId: "demo-net-fashion",
    title: "Programma di lavoro 2026",
    createdBy: "demo-user-textil-1",
    content: doc(
      h(2, "Obiettivi"),
      p(
        "Molte imprese tessili e della pelle hanno meno di dieci dipendenti e formano apprendisti senza un ufficio del personale. La rete sviluppa ",
        bold("strumenti pratici per i tutor aziendali"),
        " delle microimprese in Sassonia e in Lombardia.",
      ),
      h(2, "Attività principali"),
      numbered("Mappare le microimprese che già formano", "Preparare un kit per i tutor aziendali", "Confrontare le buone pratiche di inclusione durante un viaggio di studio"),
      h(3, "Inclusione"),
      p("Il kit dedica un capitolo all'accoglienza di apprendiste nei mestieri tecnici e di giovani con background migratorio."),
    ),
    activities: [
      activity("fash-1", "Mappatura delle microimprese formatrici", ["fash-it-2", "fash-de-2"], "2026-01", "2026-02", "done"),
      activity("fash-2", "Kit per tutor aziendali", ["fash-it-1", "fash-de-1"], "2026-03", "2026-07", "in_progress"),
      activity("fash-3", "Viaggio di studio a Plauen", ["fash-de-1", "fash-de-3", "fash-it-3"], "2026-05", "2026-05", "delayed", "Nuova data da concordare."),
      activity("fash-4", "Seminario online su apprendistato e inclusione", ["fash-it-3", "fash-de-3"], "2026-09", "2026-10", "planned"),
    ],
    milestones: [
      milestone("fash-1", "Mappatura completata", "2026-02-28", true),
      milestone("fash-2", "Kit per i tutor pubblicato in due lingue", "2026-08-31", false),
    ],
  },
  {
    id: "demo-wp-logistics",
    networkId: "demo-net-logistics",
    title: "Arbeitsprogramm 2026",
    createdBy: "demo-user-logistik-1",
    content: doc(
      h(2, "Ziele"),
      p(
        "Hafenlogistik und Speditionen in Hamburg und Kampanien bauen ",
        bold("Lernortkooperationen"),
        " zwischen Betrieb und Berufsschule auf und gewinnen mehr Betriebe für die duale Ausbildung.",
      ),
      h(2, "Vorhaben"),
      bullets("Lernortkooperation Hafen und Berufsschule erproben", "Betriebsbesuche in Salerno für Ausbildungspersonal", "Auszubildende werben an allgemeinbildenden Schulen für den Beruf"),
      h(2, "Offene Fragen"),
      p("Wie lassen sich kleine Speditionen ohne eigene Ausbildungsabteilung gewinnen? Das Netzwerk sammelt dazu Erfahrungen und teilt sie im Netzwerk der Netzwerke."),
    ),
    activities: [
      activity("log-1", "Lernortkooperation Hafen und Berufsschule", ["log-de-1", "log-de-3"], "2026-02", "2026-11", "in_progress"),
      activity("log-2", "Betriebsbesuche in Salerno", ["log-it-1", "log-it-2"], "2026-04", "2026-04", "done"),
      activity("log-3", "Ausbildungsbotschafter:innen an Schulen", ["log-de-2", "log-it-3"], "2026-05", "2026-12", "planned"),
      activity("log-4", "Leitfaden für neue Ausbildungsbetriebe", ["log-de-2", "log-it-2"], "2026-06", "2026-08", "cancelled", "Wird in die Lernortkooperation aufgenommen."),
    ],
    milestones: [
      milestone("log-1", "Betriebsbesuche ausgewertet", "2026-05-15", true),
      milestone("log-2", "Zehn neue Ausbildungsbetriebe gewonnen", "2026-12-15", false),
    ],
  },
];
