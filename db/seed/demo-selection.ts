/**
 * DEMO DATA for the advisory board's selection: the rubric the project team set, and one
 * application being scored — the joint application of the Turin and Zwickau mechatronics
 * groups (./demo-interest.ts, demo-interest-02 and demo-interest-08, introduced to each other),
 * formed into a partnership by the project team and submitted to the board, with one board
 * member's submitted review and another's draft.
 *
 * The application's text is in German (the Zwickau partner wrote it) with an Italian summary;
 * every fact in it is invented and the text says so. Pure data: no database code
 * (server/demo/apply-demo-selection.ts stores it). Ids are fixed so the seed stays idempotent;
 * days count back from the seed's today.
 */
import { pm, type PmJson } from "./demo-work-programmes";

export interface DemoCriterion {
  id: string;
  /** German, as the project team wrote it. */
  label: string;
  description: string;
  /** 1–10 (MAX_WEIGHT). */
  weight: number;
}

/** The rubric, in the order the board sees it. */
export const demoRubric: DemoCriterion[] = [
  {
    id: "demo-criterion-relevance",
    label: "Relevanz für die duale Ausbildung",
    description: "Stärkt das Vorhaben die Ausbildung im Betrieb und die Zusammenarbeit der Lernorte in beiden Ländern?",
    weight: 3,
  },
  {
    id: "demo-criterion-partnership",
    label: "Qualität der Partnerschaft",
    description: "Ergänzen sich die Partner (öffentlich und privat, Schule, Betrieb, Sozialpartner) und sind die Rollen klar verteilt?",
    weight: 2,
  },
  {
    id: "demo-criterion-feasibility",
    label: "Umsetzbarkeit",
    description: "Sind Arbeitsplan, Zeitplan und Ressourcen realistisch?",
    weight: 2,
  },
  {
    id: "demo-criterion-sustainability",
    label: "Nachhaltigkeit über das Projektende",
    description: "Bleibt die Zusammenarbeit nach dem Projekt bestehen, und werden die Ergebnisse weiter genutzt?",
    weight: 1,
  },
];

export interface DemoReview {
  /** A demo person (./demo-data.ts) with the platform role "observer". */
  reviewerEmail: string;
  status: "submitted" | "draft";
  /** Saved (or submitted) this many days before the seed's now; after the application's submission. */
  day: number;
  /** In the reviewer's language. */
  comment: string;
  /** criterion id → 1–5; a submitted review scores every criterion. */
  scores: Record<string, number>;
}

/** A status message mailed to a group, in its language. */
export type DemoGroupMessage = Record<"de" | "it", string>;

export interface DemoApplication {
  /** The partnership's id; its text is the document `application.<id>`. */
  id: string;
  name: string;
  /** Expressions of interest (./demo-interest.ts), from both countries. */
  groups: string[];
  /** The project team formed the partnership this many days before now… */
  formedDay: number;
  /** …and the application reached the board this many days before now. */
  submittedDay: number;
  /** What the groups were told at each step (their status log). */
  formedMessage: DemoGroupMessage;
  appliedMessage: DemoGroupMessage;
  /** The joint application as ProseMirror JSON (shared/editor/extensions.ts). */
  content: PmJson;
  reviews: DemoReview[];
}

const { p, h, bullets, bold, table, doc, withSid, text } = pm;
const italic = (value: string) => text(value, [{ type: "italic" }]);
/** Fixed section ids, so a language version of the application could link to its blocks. */
const sectioned = (key: string, ...blocks: PmJson[]): PmJson => doc(...blocks.map((block, i) => withSid(block, `demo-s-app-${key}-${String(i + 1).padStart(2, "0")}`)));

export const DEMO_BOARD_DE_EMAIL = "begleitgremium@connactions.demo";
export const DEMO_BOARD_IT_EMAIL = "comitato@connactions.demo";

export const demoApplications: DemoApplication[] = [
  {
    id: "demo-partnership-torino-zwickau",
    name: "Meccatronica Torino–Zwickau (Demo)",
    groups: ["demo-interest-02", "demo-interest-08"],
    formedDay: 5,
    submittedDay: 2,
    formedMessage: {
      it: "Congratulazioni: la vostra partnership bilaterale con il Netzwerk Fahrzeugmechatronik Westsachsen è costituita. Ora potete preparare insieme la candidatura; restiamo a disposizione per ogni domanda.",
      de: "Herzlichen Glückwunsch: Ihre bilaterale Partnerschaft mit dem Partenariato Meccatronica Torino Sud steht. Sie können jetzt gemeinsam Ihren Antrag vorbereiten; bei Fragen sind wir für Sie da.",
    },
    appliedMessage: {
      it: "La vostra candidatura congiunta è stata trasmessa al comitato di accompagnamento. Vi comunicheremo la decisione appena sarà presa.",
      de: "Ihr gemeinsamer Antrag liegt dem Begleitgremium vor. Wir teilen Ihnen die Entscheidung mit, sobald sie gefallen ist.",
    },
    content: sectioned(
      "mech-tz",
      p(italic("Demo-Antrag: Partner, Zahlen und Vorhaben sind erfunden und dienen nur der Vorführung der Plattform.")),
      h(2, "Ausgangslage"),
      p(
        "Im Raum Turin und in Westsachsen hängen Tausende Arbeitsplätze an der Fahrzeug- und Zulieferindustrie. Beide Regionen stellen auf Elektromobilität um, und in beiden fehlen Fachkräfte, die Hochvolt-Systeme sicher warten und instand setzen können. Der ",
        bold("Partenariato Meccatronica Torino Sud"),
        " bildet jährlich rund 60 Apprendisti zum Operatore meccatronico aus, vor allem schulisch im Centro di Formazione Professionale Moncalieri; das ",
        bold("Netzwerk Fahrzeugmechatronik Westsachsen"),
        " bildet rund 70 Auszubildende in Mechatronik und Kfz-Mechatronik dual aus.",
      ),
      p(
        "Beide Gruppen haben dieselbe Lücke erkannt: Ein Hochvolt-Modul, das Schule und Betrieb gemeinsam verantworten, gibt es in keiner der beiden Regionen. Zugleich sind junge Frauen in den technischen Ausbildungsberufen in Turin wie in Zwickau mit unter zehn Prozent stark unterrepräsentiert. In beiden Partnerschaften sitzen die Gewerkschaften (FIOM-CGIL Torino, IG Metall Zwickau) mit am Tisch; diese Rolle der Sozialpartner wollen wir nutzen.",
      ),
      h(2, "Ziele"),
      bullets(
        "Ein gemeinsames Hochvolt-Lernmodul (Stufe 1 und 2) für Auszubildende beider Länder entwickeln, das Berufsschule bzw. Centro di Formazione und Betrieb zusammen durchführen.",
        "In zwei Austauschphasen 24 Auszubildende (je 12 aus Turin und Zwickau) drei Wochen im jeweils anderen Land lernen und arbeiten lassen.",
        "Ausbilderinnen und Ausbilder beider Seiten gemeinsam qualifizieren, damit das Modul nach dem Projekt ohne fremde Hilfe weiterläuft.",
        "Mit einer zweisprachigen Kampagne den Anteil junger Frauen unter den Bewerbungen in beiden Regionen sichtbar erhöhen.",
      ),
      h(2, "Arbeitsplan"),
      p("Das Vorhaben ist auf 24 Monate angelegt und gliedert sich in vier Arbeitspakete:"),
      table(
        ["Arbeitspaket", "Inhalt", "Zeitraum", "Federführung"],
        ["AP 1 Lernmodul", "Lernaufgaben, Sicherheitsunterweisung und Prüfungsteil des Hochvolt-Moduls, zweisprachig", "Monate 1–8", "BSZ für Technik Zwickau, CFP Moncalieri"],
        ["AP 2 Austausch", "Zwei Austauschphasen mit je 12 Auszubildenden, Unterkunft und Begleitung", "Monate 9–18", "Zwickauer Antriebstechnik GmbH, Officine Ghiglione s.r.l."],
        ["AP 3 Ausbildungspersonal", "Zwei gemeinsame Schulungswochen für 16 Ausbilderinnen und Ausbilder", "Monate 6–20", "IG Metall Zwickau, FIOM-CGIL Torino"],
        ["AP 4 Kampagne und Verbreitung", "Aktionstage an Schulen, Rollenvorbilder, Abschlusstagung in Turin", "Monate 4–24", "Città Metropolitana di Torino – Formazione"],
      ),
      p("Ein gemeinsamer Steuerkreis aus je einer Person pro Partner trifft sich monatlich per Video und zweimal im Jahr vor Ort; Arbeitssprache ist Englisch, Unterlagen erscheinen auf Deutsch und Italienisch."),
      h(2, "Beitrag der Partner"),
      bullets(
        "Centro di Formazione Professionale Moncalieri: didaktisches Hochvolt-Labor, Erfahrung mit der Umschulung von Beschäftigten aus der Automobilindustrie.",
        "Officine Ghiglione s.r.l.: Praxisplätze für Austausch-Azubis, Fallbeispiele aus der Komponentenfertigung.",
        "FIOM-CGIL Torino und IG Metall Zwickau: Einbindung der Betriebsräte, Beitrag zu Arbeitsschutz und Qualität der Ausbildung.",
        "Città Metropolitana di Torino – Formazione: Anerkennung der Lernergebnisse im regionalen Bildungsangebot, Kontakte zu weiteren Schulen.",
        "Berufliches Schulzentrum für Technik Zwickau: Lehrplanarbeit und Prüfungserfahrung im dualen System.",
        "Zwickauer Antriebstechnik GmbH: Hochvolt-Schulungswerkstatt, Ausbildungsplätze und Unterkünfte über den Ausbildungsverbund.",
      ),
      h(2, "Erwartete Wirkung"),
      p(
        "Am Ende liegt ein erprobtes, zweisprachiges Hochvolt-Modul vor, das beide Seiten in ihre regulären Ausbildungsgänge übernehmen. Die Turiner Partner gewinnen Erfahrung mit einem höheren Anteil betrieblichen Lernens, die Zwickauer Partner mit der Umschulung Beschäftigter. Wir erwarten, dass mindestens zehn weitere Betriebe das Modul nutzen und dass der Anteil junger Frauen unter den Bewerbungen in beiden Netzwerken um ein Drittel steigt. Der Steuerkreis bleibt nach Projektende als Netzwerk bestehen.",
      ),
      h(2, "Sintesi in italiano"),
      p(
        "Il Partenariato Meccatronica Torino Sud e la rete di meccatronica della Sassonia occidentale sviluppano insieme, in 24 mesi, un modulo formativo sull'alta tensione gestito congiuntamente da scuola e impresa. 24 apprendisti svolgono tre settimane di scambio nell'altro Paese, 16 formatori aziendali vengono qualificati insieme e una campagna bilingue avvicina più ragazze alle professioni tecniche. I sindacati di entrambe le regioni partecipano alla progettazione; la Città Metropolitana di Torino si impegna a riconoscere i risultati nell'offerta formativa regionale.",
      ),
    ),
    reviews: [
      {
        reviewerEmail: DEMO_BOARD_DE_EMAIL,
        status: "submitted",
        day: 1,
        comment:
          "Überzeugende Partnerschaft mit Schule, Betrieb, öffentlicher Hand und Sozialpartnern auf beiden Seiten. Der Arbeitsplan ist ehrgeizig: Das Lernmodul in acht Monaten zweisprachig fertigzustellen, halte ich für knapp. Wie das Modul nach Projektende finanziert wird, sollte die Partnerschaft noch darlegen.",
        scores: { "demo-criterion-relevance": 5, "demo-criterion-partnership": 5, "demo-criterion-feasibility": 3, "demo-criterion-sustainability": 3 },
      },
      {
        reviewerEmail: DEMO_BOARD_IT_EMAIL,
        status: "draft",
        day: 0.25,
        comment: "Proposta molto pertinente per la transizione dell'automotive. Da verificare: il riconoscimento regionale del modulo è già concordato?",
        scores: { "demo-criterion-relevance": 5, "demo-criterion-partnership": 4 },
      },
    ],
  },
];
