/**
 * DEMO DATA: events of the five demo networks (./demo-data.ts) and of the network of networks
 * (networkId null): study trips, expert conferences, workshops, network and online meetings,
 * each with an agenda, registrations (a waiting list where the places are taken, some
 * cancellations, languages that need interpreting both ways) and, for the events already held,
 * attendance and minutes. Pure data: server/demo/apply-demo-events.ts stores it.
 *
 * Dates are RELATIVE: `day` counts days from the seed's "today" (the day a clock in the event's
 * zone shows at the seed's `now`), `time` is the wall-clock time there. Every start of the demo
 * therefore has events behind it (status "held") and ahead of it ("published", one draft).
 * People are named by e-mail, organisations by id, as in ./demo-commons.ts. Ids are fixed so
 * the seed stays idempotent. All names are fictitious; external guests carry "(Demo)".
 */
import type { CostKind, EventFormat, EventLanguage, EventStatus, EventTimeZone, RegistrationStatus } from "#shared/events/event-vocabulary";
import type { PmJson } from "./demo-work-programmes";

/** A moment: `day` days after the seed's today in the event's zone, at `time` (HH:mm) there. */
export interface DemoMoment {
  day: number;
  time: string;
}

export interface DemoSession {
  title: string;
  day: number;
  start: string;
  end: string;
  room: string;
  language: EventLanguage;
  /** People on the platform, by e-mail. */
  speakers: string[];
  /** External guests, "Name, organisation". */
  guests: string[];
}

export interface DemoRegistration {
  email: string;
  status: RegistrationStatus;
  preferred: EventLanguage;
  /** Further languages understood (the preferred one always counts). */
  understands: EventLanguage[];
  /** A coordinator who registered this colleague, by e-mail; absent: the person themselves. */
  registeredBy?: string;
  accessibility?: string;
  dietary?: string;
  /** Study trips only: travel days (offsets like DemoMoment.day) and whether a room is needed. */
  arrival?: number;
  departure?: number;
  needsRoom?: boolean;
  /** Events held: ticked present (true) or absent (false). Registered people only. */
  attended?: boolean;
}

export interface DemoCost {
  kind: CostKind;
  description: string;
  /** Euros. */
  planned: number;
  actual: number | null;
}

export interface DemoActionItem {
  title: string;
  /** Who does it, as written in the minutes. */
  owner: string;
  /** Due date as a day offset from the seed's today. */
  dueDay: number;
}

export interface DemoMinutes {
  content: PmJson;
  decisions: string[];
  actions: DemoActionItem[];
}

export interface DemoEvent {
  id: string;
  /** null: an event of the network of networks. */
  networkId: string | null;
  /** Who planned it (a coordinator of the network; the commons: a moderator), by e-mail. */
  organiserEmail: string;
  title: string;
  description: string;
  format: EventFormat;
  status: EventStatus;
  timeZone: EventTimeZone;
  start: DemoMoment;
  end: DemoMoment;
  venue: string;
  address: string;
  city: string;
  country: "" | "DE" | "IT";
  onlineUrl: string | null;
  workingLanguages: EventLanguage[];
  capacity: number | null;
  deadline: DemoMoment | null;
  /** Organising organisations, by id. */
  organisations: string[];
  sessions: DemoSession[];
  /** In the order people joined: the waiting list's order. */
  registrations: DemoRegistration[];
  /** Which of the interpreting the registrations need is booked: all of it, the first session's, or none. */
  interpreting: "all" | "firstSession" | "none";
  costs: DemoCost[];
  /** Events held have minutes; upcoming ones none. */
  minutes: DemoMinutes | null;
}

// ------------------------------------------------------------------ helpers

const text = (value: string, marks?: PmJson["marks"]): PmJson => (marks ? { type: "text", text: value, marks } : { type: "text", text: value });
const p = (...parts: Array<string | PmJson>): PmJson => ({ type: "paragraph", content: parts.map((x) => (typeof x === "string" ? text(x) : x)) });
const h = (level: 1 | 2 | 3, value: string): PmJson => ({ type: "heading", attrs: { level }, content: [text(value)] });
const bullets = (...items: string[]): PmJson => ({ type: "bulletList", content: items.map((i) => ({ type: "listItem", content: [p(i)] })) });
const bold = (value: string) => text(value, [{ type: "bold" }]);
const doc = (...content: PmJson[]): PmJson => ({ type: "doc", content });

const at = (day: number, time: string): DemoMoment => ({ day, time });
const session = (day: number, start: string, end: string, language: EventLanguage, title: string, room: string, speakers: string[] = [], guests: string[] = []): DemoSession => ({
  title,
  day,
  start,
  end,
  room,
  language,
  speakers,
  guests,
});

// The demo's people (./demo-data.ts), by e-mail.
const MODERATOR = "moderation@connactions.demo";
const OBSERVER = "begleitgremium@connactions.demo";
const KATRIN = "koordination.mechatronik@connactions.demo";
const LUCA = "mitglied.mechatronik@connactions.demo";
const JONAS = "member.mechatronik@connactions.demo";
const STEFAN = "koordination.energie@connactions.demo";
const GIULIA = "mitglied.energie@connactions.demo";
const SARA = "member.energie@connactions.demo";
const PAOLO = "coordinamento.gastgewerbe@connactions.demo";
const LENA = "mitglied.gastgewerbe@connactions.demo";
const CHIARA = "member.gastgewerbe@connactions.demo";
const FRANCESCA = "coordinamento.textil@connactions.demo";
const MARIA = "mitglied.textil@connactions.demo";
const TOBIAS = "member.textil@connactions.demo";
const HENRIK = "koordination.logistik@connactions.demo";
const ANTONIO = "mitglied.logistik@connactions.demo";
const ELENA = "member.logistik@connactions.demo";

/** The languages each demo person gives when registering: preferred first, then others understood. */
const LANGUAGES: Record<string, [EventLanguage, EventLanguage[]]> = {
  [MODERATOR]: ["it", ["de"]],
  [OBSERVER]: ["de", ["it"]],
  [KATRIN]: ["de", []],
  [LUCA]: ["it", []],
  [JONAS]: ["en", ["de"]],
  [STEFAN]: ["de", []],
  [GIULIA]: ["it", []],
  [SARA]: ["en", ["it"]],
  [PAOLO]: ["it", ["de"]],
  [LENA]: ["de", []],
  [CHIARA]: ["en", ["it", "de"]],
  [FRANCESCA]: ["it", ["en"]],
  [MARIA]: ["de", []],
  [TOBIAS]: ["en", ["de"]],
  [HENRIK]: ["de", ["en"]],
  [ANTONIO]: ["it", []],
  [ELENA]: ["en", ["it"]],
};

/** A registration in the person's languages; registered unless `more` says otherwise. */
const reg = (email: string, more: Partial<DemoRegistration> = {}): DemoRegistration => {
  const languages = LANGUAGES[email];
  if (!languages) throw new Error(`demo events: no languages for ${email}`);
  const [preferred, understands] = languages;
  return { email, status: "registered", preferred, understands, ...more };
};

const ONLINE = "https://meet.connactions.demo/";

// ------------------------------------------------------------------ the networks' events

const mechatronics: DemoEvent[] = [
  {
    id: "demo-ev-mech-trip-modena",
    networkId: "demo-net-mechatronics",
    organiserEmail: KATRIN,
    title: "Studienreise nach Modena / Viaggio di studio a Modena",
    description:
      "Ausbildungspersonal aus Augsburg besucht die Partner in Modena: Betriebsbesichtigung bei Meccanica Ferretti, Erprobung der ersten gemeinsamen Lernaufgabe mit Auszubildenden beider Länder, Auswertung. Dolmetschen Deutsch–Italienisch ist gebucht. / I formatori di Augusta visitano i partner di Modena: visita aziendale, sperimentazione del primo compito di apprendimento comune con apprendisti dei due paesi, valutazione. Interpretariato tedesco–italiano garantito.",
    format: "studyTrip",
    status: "held",
    timeZone: "Europe/Rome",
    start: at(-26, "09:00"),
    end: at(-24, "16:00"),
    venue: "Meccanica Ferretti S.p.A. – Centro formazione",
    address: "Via Emilia Est 1220",
    city: "Modena",
    country: "IT",
    onlineUrl: null,
    workingLanguages: ["de", "it"],
    capacity: 20,
    deadline: at(-40, "18:00"),
    organisations: ["demo-org-mech-de-1", "demo-org-mech-it-1"],
    sessions: [
      session(
        -26,
        "09:30",
        "11:00",
        "it",
        "Benvenuto: la formazione duale in Emilia-Romagna",
        "Sala riunioni",
        [LUCA],
        ["Dott.ssa Roberta Galli, Ufficio scolastico regionale Emilia-Romagna (Demo)"],
      ),
      session(-26, "11:30", "13:00", "it", "Visita in azienda: montaggio di macchine automatiche", "Reparto montaggio", [LUCA]),
      session(-25, "09:00", "12:30", "de", "Lernaufgabe 1 erproben: Inbetriebnahme einer kleinen Förderanlage", "Lehrwerkstatt", [KATRIN, JONAS]),
      session(-24, "09:00", "11:00", "de", "Auswertung und nächste Schritte", "Sala riunioni", [KATRIN]),
    ],
    registrations: [
      reg(KATRIN, { arrival: -27, departure: -24, needsRoom: true, dietary: "vegetarisch", attended: true }),
      reg(LUCA, { needsRoom: false, attended: true }),
      reg(JONAS, { registeredBy: KATRIN, arrival: -26, departure: -24, needsRoom: true, attended: true }),
    ],
    interpreting: "all",
    costs: [
      { kind: "travel", description: "Bahnfahrten Augsburg–Modena, 6 Personen", planned: 1800, actual: 1642.4 },
      { kind: "accommodation", description: "Hotel in Modena, 3 Nächte", planned: 1500, actual: 1386 },
      { kind: "interpreting", description: "Konsekutivdolmetschen DE–IT, 2 Tage", planned: 2400, actual: 2400 },
      { kind: "fees", description: "Honorar externe Referentin", planned: 300, actual: 300 },
    ],
    minutes: {
      content: doc(
        h(2, "Verlauf"),
        p(
          "Am ersten Tag stellten die Gastgeber die duale Ausbildung in der Emilia-Romagna vor. Bei der Besichtigung der Montage wurde deutlich, dass die Auszubildenden in Modena früh an Kundenmaschinen arbeiten, während in Augsburg mehr Zeit in der Lehrwerkstatt liegt.",
        ),
        p(
          "Am zweiten Tag erprobten vier Auszubildende aus jedem Land ",
          bold("Lernaufgabe 1"),
          " in gemischten Teams. Die Aufgabe funktionierte; die Bewertungsbögen waren aber zu unterschiedlich, um die Ergebnisse zu vergleichen.",
        ),
        h(2, "Ergebnisse"),
        bullets(
          "Die Lernaufgabe lässt sich an beiden Lernorten mit derselben Anlage durchführen.",
          "Ein gemeinsamer Bewertungsbogen fehlt noch.",
          "Das Dolmetschen in gemischten Teams braucht mehr Pausen als eingeplant.",
        ),
      ),
      decisions: ["Für alle drei Lernaufgaben gilt künftig ein gemeinsamer, zweisprachiger Bewertungsbogen.", "Die nächste Erprobung (Lernaufgabe 2) findet in Augsburg statt."],
      actions: [
        { title: "Entwurf des zweisprachigen Bewertungsbogens", owner: "Katrin Huber (Huber Antriebstechnik)", dueDay: 10 },
        { title: "Fotos und Materialien der Erprobung in die Bibliothek stellen", owner: "Luca Ferretti (Meccanica Ferretti)", dueDay: -10 },
        { title: "Lernaufgabe 2 mit der Berufsschule abstimmen", owner: "Jonas Weber (Berufsschule Neusäß)", dueDay: 21 },
      ],
    },
  },
  {
    id: "demo-ev-mech-online-lernaufgabe-2",
    networkId: "demo-net-mechatronics",
    organiserEmail: KATRIN,
    title: "Online-Netzwerktreffen: Lernaufgabe 2 – Fehlersuche an vernetzten Antrieben",
    description:
      "Monatliches Online-Treffen: Stand der Lernaufgabe 2 und Erfahrungen aus den Werkstätten in Modena. / Incontro online mensile: stato del compito 2 ed esperienze dai reparti di Modena.",
    format: "onlineMeeting",
    status: "published",
    timeZone: "Europe/Berlin",
    start: at(8, "16:00"),
    end: at(8, "17:30"),
    venue: "",
    address: "",
    city: "",
    country: "",
    onlineUrl: `${ONLINE}mechatronik`,
    workingLanguages: ["de", "it"],
    capacity: null,
    deadline: null,
    organisations: ["demo-org-mech-de-1"],
    sessions: [
      session(8, "16:00", "16:45", "de", "Stand der Lernaufgabe 2", "Online", [JONAS]),
      session(8, "16:45", "17:30", "it", "Esperienze dai reparti di Modena", "Online", [LUCA]),
    ],
    registrations: [reg(KATRIN), reg(LUCA), reg(JONAS)],
    interpreting: "none",
    costs: [],
    minutes: null,
  },
];

const green: DemoEvent[] = [
  {
    id: "demo-ev-green-workshop-dortmund",
    networkId: "demo-net-green",
    organiserEmail: STEFAN,
    title: "Workshop: Zusatzqualifikation Wärmepumpe – Module abstimmen",
    description:
      "In der Lehrwerkstatt der Handwerkskammer vergleichen die Partner ihre Module zu Wärmepumpen und Photovoltaik und einigen sich auf anrechenbare Bausteine. / Nel laboratorio della Camera dell'artigianato i partner confrontano i moduli su pompe di calore e fotovoltaico.",
    format: "workshop",
    status: "held",
    timeZone: "Europe/Berlin",
    start: at(-40, "09:30"),
    end: at(-40, "16:30"),
    venue: "Bildungszentrum der Handwerkskammer Dortmund (Demo)",
    address: "Ardeystraße 93",
    city: "Dortmund",
    country: "DE",
    onlineUrl: null,
    workingLanguages: ["de", "it"],
    capacity: 25,
    deadline: null,
    organisations: ["demo-org-green-de-1", "demo-org-green-de-2"],
    sessions: [
      session(-40, "09:30", "10:30", "de", "Rundgang: Wärmepumpen-Lehrwerkstatt", "Halle 2", [STEFAN]),
      session(-40, "10:45", "12:15", "it", "Il modulo pompe di calore della Regione Toscana", "Seminarraum 1", [SARA]),
      session(-40, "13:15", "16:00", "de", "Gruppenarbeit: gemeinsame Modulbeschreibungen", "Seminarraum 1", [], ["Jan Brökel, Fachverband SHK NRW (Demo)"]),
    ],
    registrations: [reg(STEFAN, { attended: true }), reg(GIULIA, { dietary: "senza lattosio", attended: true }), reg(SARA, { registeredBy: STEFAN, attended: false })],
    interpreting: "all",
    costs: [
      { kind: "interpreting", description: "Flüsterdolmetschen DE–IT", planned: 1200, actual: 1150 },
      { kind: "venue", description: "Verpflegung", planned: 400, actual: 365.5 },
    ],
    minutes: {
      content: doc(
        h(2, "Verlauf"),
        p(
          "Nach dem Rundgang durch die Lehrwerkstatt stellte die Regione Toscana ihr Modul zu Wärmepumpen vor (Vortrag vorab eingereicht, Sara Conti war verhindert). In der Gruppenarbeit wurden die Inhalte beider Seiten nebeneinandergelegt.",
        ),
        h(2, "Ergebnisse"),
        bullets(
          "Rund zwei Drittel der Inhalte decken sich; Unterschiede liegen bei Kältemittel-Sachkunde und Förderrecht.",
          "Kleinbetriebe wünschen Module von höchstens 40 Stunden, die auf die Meisterfortbildung angerechnet werden.",
        ),
      ),
      decisions: ["Das Netzwerk beschreibt drei gemeinsame Bausteine von je höchstens 40 Stunden.", "Die Erkenntnis zu kurzen Modulen geht in das Netzwerk der Netzwerke."],
      actions: [
        { title: "Gegenüberstellung der Modulinhalte fertigstellen", owner: "Stefan Schulte (Sonnenwerk Elektro Schulte)", dueDay: -20 },
        { title: "Regionale Förderung für die Bausteine klären", owner: "Giulia Bianchi (Termoidraulica Bianchi)", dueDay: 14 },
      ],
    },
  },
  {
    id: "demo-ev-green-trip-prato",
    networkId: "demo-net-green",
    organiserEmail: STEFAN,
    title: "Studienreise nach Prato und Florenz / Viaggio di studio a Prato e Firenze",
    description:
      "Besuch von Installationsbetrieben in Prato, der CNA Toscana Centro und der Regione Toscana: Wie gewinnt das Handwerk Jugendliche für Solar- und Wärmepumpentechnik? / Visita a imprese artigiane, CNA e Regione: come avvicinare i giovani all'impiantistica green?",
    format: "studyTrip",
    status: "published",
    timeZone: "Europe/Rome",
    start: at(34, "09:00"),
    end: at(36, "15:00"),
    venue: "CNA Toscana Centro (Demo)",
    address: "Via del Gelso 13",
    city: "Prato",
    country: "IT",
    onlineUrl: null,
    workingLanguages: ["de", "it"],
    capacity: 12,
    deadline: at(20, "18:00"),
    organisations: ["demo-org-green-de-1", "demo-org-green-it-3"],
    sessions: [
      session(34, "09:30", "11:00", "it", "Apprendistato nell'impiantistica: il quadro toscano", "Sala CNA", [GIULIA], ["Ing. Marco Sarti, CNA Installazione Impianti (Demo)"]),
      session(34, "14:00", "17:00", "it", "Visita: Termoidraulica Bianchi, cantiere pompa di calore", "Cantiere", [GIULIA]),
      session(35, "10:00", "12:00", "de", "Zusatzqualifikation Wärmepumpe: Stand in NRW", "Regione Toscana, Firenze", [STEFAN]),
      session(36, "09:00", "11:00", "de", "Auswertung und Ausblick", "Sala CNA", [STEFAN]),
    ],
    registrations: [
      reg(STEFAN, { arrival: 33, departure: 36, needsRoom: true }),
      reg(GIULIA, { needsRoom: false }),
      reg(SARA, { needsRoom: false, accessibility: "Ich trage ein Hörgerät: bitte einen Platz nahe der Dolmetschkabine." }),
    ],
    interpreting: "none",
    costs: [
      { kind: "travel", description: "Flüge Düsseldorf–Florenz", planned: 1600, actual: null },
      { kind: "accommodation", description: "Hotel in Prato, 3 Nächte", planned: 900, actual: null },
      { kind: "interpreting", description: "Konsekutivdolmetschen DE–IT", planned: 2800, actual: null },
    ],
    minutes: null,
  },
  {
    id: "demo-ev-green-draft-marketing",
    networkId: "demo-net-green",
    organiserEmail: STEFAN,
    title: "Online-Seminar: Ausbildungsmarketing im SHK-Handwerk (Entwurf)",
    description: "Noch in Planung: Wie Betriebe mit kurzen Videos und Schulbesuchen Auszubildende gewinnen. / In preparazione: marketing della formazione nelle imprese artigiane.",
    format: "seminar",
    status: "draft",
    timeZone: "Europe/Berlin",
    start: at(70, "15:00"),
    end: at(70, "17:00"),
    venue: "",
    address: "",
    city: "",
    country: "",
    onlineUrl: `${ONLINE}energie-seminar`,
    workingLanguages: ["de", "it"],
    capacity: null,
    deadline: null,
    organisations: ["demo-org-green-de-1"],
    sessions: [session(70, "15:00", "16:00", "de", "Ausbildungsmarketing mit kurzen Videos", "Online", [STEFAN])],
    registrations: [],
    interpreting: "none",
    costs: [],
    minutes: null,
  },
];

const hospitality: DemoEvent[] = [
  {
    id: "demo-ev-hosp-meeting-riva",
    networkId: "demo-net-hospitality",
    organiserEmail: PAOLO,
    title: "Incontro di rete a Riva del Garda: bilancio dei tirocini di scambio",
    description:
      "Alberghi, scuole e parti sociali fanno il punto sulla prima stagione di tirocini di scambio tra Lago di Costanza e Trentino. / Hotels, Schulen und Sozialpartner ziehen Bilanz der ersten Saison der Austauschpraktika.",
    format: "networkMeeting",
    status: "held",
    timeZone: "Europe/Rome",
    start: at(-18, "10:00"),
    end: at(-18, "16:00"),
    venue: "Hotel Dolomiti Gardesana",
    address: "Viale Rovereto 44",
    city: "Riva del Garda",
    country: "IT",
    onlineUrl: null,
    workingLanguages: ["it", "de"],
    capacity: null,
    deadline: null,
    organisations: ["demo-org-hosp-it-1", "demo-org-hosp-it-2"],
    sessions: [
      session(-18, "10:00", "11:00", "it", "Benvenuto e resoconto della stagione", "Sala Garda", [PAOLO]),
      session(-18, "11:15", "12:30", "de", "Erfahrungen der Auszubildenden aus Lindau", "Sala Garda", [LENA]),
      session(
        -18,
        "14:00",
        "15:30",
        "it",
        "Tavolo con le parti sociali: qualità dei tirocini",
        "Sala Garda",
        [CHIARA],
        ["Marco Dallapiccola, sindacato del turismo Trentino (Demo)"],
      ),
    ],
    registrations: [reg(PAOLO, { attended: true }), reg(LENA, { attended: true }), reg(CHIARA, { attended: true })],
    interpreting: "all",
    costs: [{ kind: "interpreting", description: "Interpretariato consecutivo IT–DE", planned: 900, actual: 900 }],
    minutes: {
      content: doc(
        h(2, "Andamento"),
        p(
          "Nella prima stagione otto apprendisti hanno svolto un tirocinio di scambio di quattro settimane. Gli alberghi di entrambe le regioni giudicano positiva l'esperienza; le scuole chiedono di prepararla meglio sul piano linguistico.",
        ),
        p("Al tavolo con le parti sociali si è discusso di orari, alloggio e tutela degli apprendisti minorenni durante il tirocinio all'estero."),
        h(2, "Punti emersi"),
        bullets(
          "Il tutor aziendale è decisivo: serve un breve corso comune per i tutor.",
          "L'alloggio va garantito dall'albergo ospitante prima della partenza.",
          "Un corso di lingua di base prima del tirocinio riduce le difficoltà iniziali.",
        ),
      ),
      decisions: [
        "Dalla prossima stagione ogni tirocinio ha un tutor nominato per iscritto in entrambe le strutture.",
        "La rete prepara una carta della qualità dei tirocini con le parti sociali.",
      ],
      actions: [
        { title: "Bozza della carta della qualità dei tirocini", owner: "Paolo Moser (Centro di Formazione Alberghiera)", dueDay: 12 },
        { title: "Raccogliere le disponibilità di alloggio per la stagione estiva", owner: "Lena Lindner (Seehotel Lindenhof)", dueDay: 25 },
        { title: "Proporre un corso di lingua di base con la scuola di Rovereto", owner: "Chiara Rossi (Hotel Dolomiti Gardesana)", dueDay: -5 },
      ],
    },
  },
  {
    id: "demo-ev-hosp-trip-bolzano",
    networkId: "demo-net-hospitality",
    organiserEmail: PAOLO,
    title: "Viaggio di studio a Bolzano: formazione alberghiera bilingue / Studienreise nach Bozen",
    description:
      "In Alto Adige la formazione alberghiera si svolge in due lingue: visita a una scuola professionale e a due alberghi formatori. / In Südtirol wird zweisprachig ausgebildet: Besuch einer Berufsschule und zweier Ausbildungshotels.",
    format: "studyTrip",
    status: "published",
    timeZone: "Europe/Rome",
    start: at(22, "09:00"),
    end: at(23, "17:00"),
    venue: "Scuola professionale alberghiera (Demo)",
    address: "Via Roma 12",
    city: "Bolzano",
    country: "IT",
    onlineUrl: null,
    workingLanguages: ["it", "de"],
    capacity: 15,
    deadline: at(12, "18:00"),
    organisations: ["demo-org-hosp-it-2", "demo-org-hosp-de-3"],
    sessions: [
      session(22, "09:30", "11:00", "de", "Zweisprachige Ausbildung in Südtirol", "Aula magna", [], ["Dr. Monika Gruber, Landesberufsschule für das Gastgewerbe (Demo)"]),
      session(22, "11:30", "13:00", "it", "Il tirocinio in albergo: organizzazione e tutor", "Aula magna", [PAOLO]),
      session(23, "09:30", "12:00", "it", "Visita a due alberghi formatori", "Hotel partner", [CHIARA]),
    ],
    registrations: [
      reg(PAOLO, { needsRoom: false }),
      reg(LENA, { arrival: 21, departure: 23, needsRoom: true, dietary: "glutenfrei" }),
      reg(CHIARA, { registeredBy: PAOLO, arrival: 22, departure: 23, needsRoom: true }),
    ],
    interpreting: "firstSession",
    costs: [
      { kind: "accommodation", description: "Albergo a Bolzano, 2 notti", planned: 600, actual: null },
      { kind: "fees", description: "Compenso relatrice esterna", planned: 250, actual: null },
    ],
    minutes: null,
  },
];

const fashion: DemoEvent[] = [
  {
    id: "demo-ev-fash-online-microimprese",
    networkId: "demo-net-fashion",
    organiserEmail: FRANCESCA,
    title: "Incontro online: sostenere la formazione nelle microimprese",
    description:
      "Come può formare un laboratorio di cinque persone senza ufficio del personale? Scambio tra pelletterie comasche e manifatture sassoni. / Wie bildet ein Betrieb mit fünf Beschäftigten aus? Austausch zwischen Como und Sachsen.",
    format: "onlineMeeting",
    status: "held",
    timeZone: "Europe/Rome",
    start: at(-12, "15:00"),
    end: at(-12, "16:30"),
    venue: "",
    address: "",
    city: "",
    country: "",
    onlineUrl: `${ONLINE}textil`,
    workingLanguages: ["it", "de"],
    capacity: null,
    deadline: null,
    organisations: ["demo-org-fash-it-1"],
    sessions: [
      session(-12, "15:00", "15:45", "it", "La formazione in una pelletteria di cinque persone", "Online", [FRANCESCA]),
      session(-12, "15:45", "16:30", "de", "Verbundausbildung in Sachsen: was Kleinstbetriebe entlastet", "Online", [MARIA]),
    ],
    registrations: [reg(FRANCESCA, { attended: true }), reg(MARIA, { attended: true }), reg(TOBIAS, { attended: false })],
    interpreting: "all",
    costs: [],
    minutes: {
      content: doc(
        h(2, "Sintesi"),
        p(
          "Le microimprese di entrambi i paesi formano volentieri, ma non riescono a seguire da sole la parte amministrativa e la pianificazione dei contenuti. In Sassonia la formazione in rete tra più aziende (Verbundausbildung) alleggerisce i laboratori più piccoli.",
        ),
        bullets(
          "Un ente comune può curare contratti, piani formativi e contatti con la scuola.",
          "I contenuti digitali (ricamo programmato, taglio automatico) vanno insegnati in un centro condiviso.",
        ),
      ),
      decisions: ["La rete raccoglie in una scheda comune i servizi di supporto di cui una microimpresa formatrice ha bisogno."],
      actions: [
        { title: "Scheda dei servizi di supporto: prima bozza", owner: "Francesca Colombo (Pelletteria Colombo)", dueDay: 9 },
        { title: "Esempio di contratto di Verbundausbildung tradotto", owner: "Maria Krause (Plauener Spitzenmanufaktur)", dueDay: 16 },
      ],
    },
  },
  {
    id: "demo-ev-fash-workshop-como",
    networkId: "demo-net-fashion",
    organiserEmail: FRANCESCA,
    title: "Workshop a Como: ricamo digitale e pelletteria / Workshop in Como: digitale Stickprogramme",
    description:
      "Formatori e docenti definiscono contenuti comuni sul ricamo programmato e sul taglio automatico della pelle. / Ausbildungspersonal und Lehrkräfte legen gemeinsame Inhalte zu Stickprogrammen und automatischem Lederzuschnitt fest.",
    format: "workshop",
    status: "published",
    timeZone: "Europe/Rome",
    start: at(27, "09:30"),
    end: at(27, "17:00"),
    venue: "Pelletteria Colombo s.n.c.",
    address: "Via per Cernobbio 18",
    city: "Como",
    country: "IT",
    onlineUrl: null,
    workingLanguages: ["it", "de"],
    capacity: 20,
    deadline: at(20, "12:00"),
    organisations: ["demo-org-fash-it-1", "demo-org-fash-de-3"],
    sessions: [
      session(27, "09:30", "11:00", "it", "Dal disegno al taglio automatico: il laboratorio", "Laboratorio", [FRANCESCA]),
      session(27, "11:30", "13:00", "de", "Stickprogramme im Unterricht der Berufsschule", "Sala riunioni", [TOBIAS]),
      session(27, "14:00", "16:30", "it", "Lavoro di gruppo: contenuti formativi comuni", "Sala riunioni"),
    ],
    registrations: [reg(FRANCESCA), reg(MARIA, { dietary: "vegan" }), reg(TOBIAS)],
    interpreting: "none",
    costs: [{ kind: "interpreting", description: "Interpretariato IT–DE, una giornata", planned: 1300, actual: null }],
    minutes: null,
  },
];

const logistics: DemoEvent[] = [
  {
    id: "demo-ev-log-conference-hamburg",
    networkId: "demo-net-logistics",
    organiserEmail: HENRIK,
    title: "Fachkonferenz: Lernortkooperation im Hafen",
    description:
      "Betriebe, Berufsschule und Kammer stellen vor, wie Hafenbetriebe gemeinsam ausbilden – und was Salerno davon übernehmen kann. / Come le imprese portuali di Amburgo formano insieme, e cosa può adottare Salerno.",
    format: "conference",
    status: "held",
    timeZone: "Europe/Berlin",
    start: at(-55, "09:00"),
    end: at(-55, "17:00"),
    venue: "Handelskammer Hamburg (Demo)",
    address: "Adolphsplatz 1",
    city: "Hamburg",
    country: "DE",
    onlineUrl: null,
    workingLanguages: ["de", "it"],
    capacity: 60,
    deadline: at(-62, "18:00"),
    organisations: ["demo-org-log-de-1", "demo-org-log-de-2", "demo-org-log-de-3"],
    sessions: [
      session(-55, "09:30", "10:30", "de", "Eröffnung: Ausbildung im Hamburger Hafen", "Börsensaal", [HENRIK], ["Dr. Insa Hansen, Handelskammer Hamburg (Demo)"]),
      session(-55, "11:00", "12:30", "it", "Logistica portuale in Campania: fabbisogni e apprendistato", "Börsensaal", [ANTONIO]),
      session(
        -55,
        "13:30",
        "15:00",
        "de",
        "Podium: Betriebe gewinnen, die bisher nicht ausbilden",
        "Börsensaal",
        [],
        ["Jörn Wulff, Berufliche Schule für Logistik (Demo)", "Tanja Reimers, Speditionsverband (Demo)"],
      ),
      session(-55, "15:30", "16:30", "it", "Il ruolo dei sindacati nella formazione in porto", "Börsensaal", [], ["Ciro Iannone, UIL Trasporti Campania (Demo)"]),
    ],
    registrations: [reg(HENRIK, { attended: true }), reg(ANTONIO, { attended: true }), reg(ELENA, { status: "cancelled" })],
    interpreting: "all",
    costs: [
      { kind: "interpreting", description: "Simultandolmetschen DE–IT, Kabine", planned: 3200, actual: 3350 },
      { kind: "fees", description: "Honorare Podium", planned: 600, actual: 600 },
      { kind: "travel", description: "Anreise der italienischen Gäste", planned: 1400, actual: 1190 },
    ],
    minutes: {
      content: doc(
        h(2, "Verlauf"),
        p(
          "Rund 50 Teilnehmende aus Hafenbetrieben, Speditionen, Schulen und Verbänden. Die Handelskammer stellte die Ausbildungsverbünde im Hafen vor; aus Salerno kam der Bedarf an Fachkräften für Lager und Zoll hinzu.",
        ),
        p("Auf dem Podium ging es darum, wie Betriebe, die bisher nicht ausbilden, mit einem ersten Ausbildungsplatz im Verbund beginnen können."),
        h(2, "Ergebnisse"),
        bullets(
          "Verbundausbildung senkt die Hürde für kleine Speditionen deutlich.",
          "In Campania fehlt eine Stelle, die Betriebe und Schulen zusammenbringt; die Region prüft ein Pilotprojekt.",
        ),
      ),
      decisions: ["Das Netzwerk erarbeitet ein Merkblatt „Erster Ausbildungsplatz im Verbund“ auf Deutsch und Italienisch."],
      actions: [
        { title: "Merkblatt Verbundausbildung: deutscher Entwurf", owner: "Henrik Petersen (Elbkai Logistik)", dueDay: -25 },
        { title: "Merkblatt übersetzen und an Salerno anpassen", owner: "Antonio Esposito (Porto Sud Spedizioni)", dueDay: 5 },
      ],
    },
  },
  {
    id: "demo-ev-log-online-digital",
    networkId: "demo-net-logistics",
    organiserEmail: HENRIK,
    title: "Online-Treffen: Digitalisierung in Speditionen (abgesagt)",
    description: "Abgesagt: das Thema wird beim Netzwerktreffen in Salerno behandelt. / Annullato: il tema sarà trattato all'incontro di Salerno.",
    format: "onlineMeeting",
    status: "cancelled",
    timeZone: "Europe/Berlin",
    start: at(15, "10:00"),
    end: at(15, "11:30"),
    venue: "",
    address: "",
    city: "",
    country: "",
    onlineUrl: `${ONLINE}logistik`,
    workingLanguages: ["de", "it"],
    capacity: null,
    deadline: null,
    organisations: ["demo-org-log-de-1"],
    sessions: [],
    registrations: [reg(HENRIK), reg(ANTONIO)],
    interpreting: "none",
    costs: [],
    minutes: null,
  },
  {
    id: "demo-ev-log-meeting-salerno",
    networkId: "demo-net-logistics",
    organiserEmail: HENRIK,
    title: "Netzwerktreffen in Salerno / Incontro di rete a Salerno",
    description:
      "Halbjahrestreffen im Hafen von Salerno: Stand des Pilotprojekts der Region, Digitalisierung in Speditionen, Arbeitsprogramm. / Incontro semestrale nel porto di Salerno.",
    format: "networkMeeting",
    status: "published",
    timeZone: "Europe/Rome",
    start: at(48, "10:00"),
    end: at(48, "17:00"),
    venue: "Porto Sud Spedizioni s.r.l.",
    address: "Molo Manfredi 3",
    city: "Salerno",
    country: "IT",
    onlineUrl: null,
    workingLanguages: ["de", "it"],
    capacity: 30,
    deadline: at(38, "18:00"),
    organisations: ["demo-org-log-it-1", "demo-org-log-de-1"],
    sessions: [
      session(48, "10:00", "11:30", "it", "Il progetto pilota della Regione Campania", "Sala conferenze", [ELENA], ["Dott. Gennaro Russo, Regione Campania (Demo)"]),
      session(48, "12:00", "13:00", "it", "Digitalizzazione nelle spedizioni: cosa chiedono le aziende", "Sala conferenze", [ANTONIO]),
      session(48, "14:00", "16:30", "de", "Arbeitsprogramm: Vorhaben des zweiten Halbjahrs", "Sala conferenze", [HENRIK]),
    ],
    registrations: [reg(HENRIK), reg(ANTONIO), reg(ELENA, { registeredBy: HENRIK })],
    interpreting: "none",
    costs: [],
    minutes: null,
  },
];

// ------------------------------------------------------------------ the network of networks

const commons: DemoEvent[] = [
  {
    id: "demo-ev-commons-conference-bolzano",
    networkId: null,
    organiserEmail: MODERATOR,
    title: "Fachkonferenz „Duale Ausbildung gemeinsam gestalten“ / Conferenza «Formazione duale: costruire insieme»",
    description:
      "Erste gemeinsame Konferenz der fünf Modell-Netzwerke in Bozen: Jedes Netzwerk stellt sein Arbeitsprogramm vor, das Begleitgremium berichtet, in Workshops entstehen erste Erkenntnisse. / Prima conferenza comune delle cinque reti modello a Bolzano.",
    format: "conference",
    status: "held",
    timeZone: "Europe/Rome",
    start: at(-33, "09:00"),
    end: at(-32, "13:00"),
    venue: "NOI Techpark",
    address: "Via Alessandro Volta 13",
    city: "Bolzano",
    country: "IT",
    onlineUrl: null,
    workingLanguages: ["de", "it"],
    capacity: 40,
    deadline: at(-47, "18:00"),
    organisations: ["demo-org-team"],
    sessions: [
      session(-33, "09:30", "10:30", "it", "Apertura: la rete delle reti", "Auditorium", [MODERATOR], ["Dott.ssa Elisa Ferrari, Ministero dell'Istruzione e del Merito (Demo)"]),
      session(-33, "10:45", "12:30", "de", "Fünf Netzwerke, fünf Arbeitsprogramme", "Auditorium", [KATRIN, STEFAN, HENRIK]),
      session(-33, "14:00", "16:00", "it", "Workshop: microimprese e tutor aziendali", "Seminar 1", [FRANCESCA, PAOLO]),
      session(-32, "09:30", "11:30", "de", "Bericht des Begleitgremiums und Ausblick", "Auditorium", [OBSERVER], ["Dr. Ulrike Brandt, Bundesinstitut für Berufsbildung (Demo)"]),
    ],
    registrations: [
      reg(KATRIN, { dietary: "vegetarisch", attended: true }),
      reg(STEFAN, { attended: true }),
      reg(HENRIK, { attended: true }),
      reg(PAOLO, { attended: true }),
      reg(FRANCESCA, { attended: true }),
      reg(LUCA, { attended: true }),
      reg(GIULIA, { attended: false }),
      reg(ANTONIO, { accessibility: "Posto accessibile in sedia a rotelle", attended: true }),
      reg(MARIA, { attended: true }),
      reg(LENA, { attended: true }),
      reg(ELENA, { status: "cancelled" }),
      reg(OBSERVER, { attended: true }),
    ],
    interpreting: "all",
    costs: [
      { kind: "venue", description: "Auditorium und Seminarräume NOI Techpark", planned: 2500, actual: 2500 },
      { kind: "interpreting", description: "Simultandolmetschen DE–IT, 1,5 Tage", planned: 4800, actual: 4650 },
      { kind: "travel", description: "Reisekosten der Netzwerke", planned: 6000, actual: 5420.8 },
    ],
    minutes: {
      content: doc(
        h(2, "Verlauf"),
        p(
          "Die fünf Modell-Netzwerke stellten ihre Arbeitsprogramme vor. In allen Netzwerken zeigt sich, dass die Betreuung durch das Ausbildungspersonal über den Erfolg von Austausch und gemeinsamen Lernaufgaben entscheidet.",
        ),
        p(
          "Im Workshop zu Kleinstbetrieben berichteten die Netzwerke Mode/Textil und Gastgewerbe, wie schwer Betrieben ohne Personalabteilung die Organisation der Ausbildung fällt. Das Begleitgremium ermutigte die Netzwerke, ihre Erkenntnisse früh im Netzwerk der Netzwerke zu teilen.",
        ),
        h(2, "Themen für Handlungsempfehlungen"),
        bullets(
          "Austauschpraktika für Auszubildende verlässlich ermöglichen (Versicherung, Unterkunft, Betreuung).",
          "Kurze, anrechenbare Module für kleine Betriebe.",
          "Gemeinsame Bewertungsbögen für grenzüberschreitende Lernaufgaben.",
        ),
      ),
      decisions: [
        "Die Netzwerke stellen ihre Erkenntnisse bis zum nächsten Online-Austausch in das Netzwerk der Netzwerke.",
        "Eine Handlungsempfehlung zu Austauschpraktika wird gemeinsam entworfen.",
      ],
      actions: [
        { title: "Entwurf der Handlungsempfehlung zu Austauschpraktika", owner: "Marco Moderatore (Projektteam)", dueDay: -12 },
        { title: "Präsentationen der Netzwerke in die Bibliothek stellen", owner: "Koordinationen der Netzwerke", dueDay: -20 },
        { title: "Zweite Fachkonferenz in München vorbereiten", owner: "Marco Moderatore (Projektteam)", dueDay: 30 },
      ],
    },
  },
  {
    id: "demo-ev-commons-online-findings",
    networkId: null,
    organiserEmail: MODERATOR,
    title: "Online-Austausch: Erkenntnisse der Netzwerke / Scambio online: i risultati delle reti",
    description:
      "Die Netzwerke stellen ihre neuen Erkenntnisse vor und wählen aus, welche in eine Handlungsempfehlung einfließen. / Le reti presentano i loro risultati e scelgono quali confluiscono in una raccomandazione operativa.",
    format: "onlineMeeting",
    status: "held",
    timeZone: "Europe/Berlin",
    start: at(-9, "14:00"),
    end: at(-9, "15:30"),
    venue: "",
    address: "",
    city: "",
    country: "",
    onlineUrl: `${ONLINE}netzwerk-der-netzwerke`,
    workingLanguages: ["de", "it"],
    capacity: null,
    deadline: null,
    organisations: ["demo-org-team"],
    sessions: [
      session(-9, "14:00", "14:45", "de", "Erkenntnisse aus Mechatronik, Energie und Logistik", "Online", [KATRIN, HENRIK]),
      session(-9, "14:45", "15:30", "it", "Risultati di ospitalità e moda", "Online", [PAOLO, FRANCESCA]),
    ],
    registrations: [
      reg(KATRIN, { attended: true }),
      reg(HENRIK, { attended: true }),
      reg(PAOLO, { attended: true }),
      reg(FRANCESCA, { attended: true }),
      reg(STEFAN, { attended: false }),
      reg(OBSERVER, { attended: true }),
    ],
    interpreting: "all",
    costs: [{ kind: "interpreting", description: "Ferndolmetschen DE–IT", planned: 700, actual: 700 }],
    minutes: {
      content: doc(
        h(2, "Verlauf"),
        p(
          "Vier Netzwerke stellten neue Erkenntnisse vor. Die Diskussion zeigte, dass Austauschpraktika und kurze Module in mehreren Netzwerken dieselben Fragen aufwerfen: Anerkennung, Versicherung und Betreuung.",
        ),
        p("Der Entwurf der Handlungsempfehlung zu Austauschpraktika geht in die Konsultation; die Koordinationen holen die Zustimmung ihrer Netzwerke ein."),
      ),
      decisions: ["Der Entwurf „Austauschpraktika verlässlich ermöglichen“ geht in die Konsultation der Netzwerke."],
      actions: [
        { title: "Zustimmung der Netzwerke zur Empfehlung einholen", owner: "Koordinationen der Netzwerke", dueDay: 7 },
        { title: "Online-Sprechstunde zu den Empfehlungen ankündigen", owner: "Marco Moderatore (Projektteam)", dueDay: 2 },
      ],
    },
  },
  {
    id: "demo-ev-commons-online-recommendations",
    networkId: null,
    organiserEmail: MODERATOR,
    title: "Online-Sprechstunde: Empfehlungen für das Begleitgremium / Sportello online sulle raccomandazioni",
    description:
      "Offene Fragen zu den Handlungsempfehlungen in der Konsultation: Wie unterstützt ein Netzwerk eine Empfehlung, was passiert nach der Einreichung? / Domande aperte sulle raccomandazioni in consultazione.",
    format: "onlineMeeting",
    status: "published",
    timeZone: "Europe/Berlin",
    start: at(13, "15:00"),
    end: at(13, "16:00"),
    venue: "",
    address: "",
    city: "",
    country: "",
    onlineUrl: `${ONLINE}sprechstunde`,
    workingLanguages: ["de", "it"],
    capacity: null,
    deadline: null,
    organisations: ["demo-org-team"],
    sessions: [session(13, "15:00", "16:00", "it", "Domande e risposte sulle raccomandazioni", "Online", [MODERATOR])],
    registrations: [reg(STEFAN), reg(GIULIA), reg(TOBIAS), reg(LENA)],
    interpreting: "none",
    costs: [],
    minutes: null,
  },
  {
    id: "demo-ev-commons-conference-munich",
    networkId: null,
    organiserEmail: MODERATOR,
    title: "Fachkonferenz München: Betriebe für die duale Ausbildung gewinnen / Conferenza a Monaco: coinvolgere le imprese",
    description:
      "Zweite Fachkonferenz des Netzwerks der Netzwerke: Wie gewinnen Kammern, Verbände und Gewerkschaften Betriebe, die noch nicht ausbilden? Beiträge aus allen fünf Netzwerken und von Gästen aus Bayern. Das Projekt übernimmt die Reisekosten für zehn Delegierte der Netzwerke; weitere Anmeldungen kommen auf die Warteliste. / Seconda conferenza della rete delle reti: come coinvolgere le imprese che non formano ancora? Il progetto copre il viaggio di dieci delegati delle reti; le altre iscrizioni vanno in lista d'attesa.",
    format: "conference",
    status: "published",
    timeZone: "Europe/Berlin",
    start: at(41, "09:30"),
    end: at(42, "13:00"),
    venue: "Konferenzzentrum München (Demo)",
    address: "Lazarettstraße 33",
    city: "München",
    country: "DE",
    onlineUrl: null,
    workingLanguages: ["de", "it"],
    capacity: 10,
    deadline: at(28, "18:00"),
    organisations: ["demo-org-team"],
    sessions: [
      session(41, "09:30", "10:30", "de", "Eröffnung: Warum Betriebe (nicht) ausbilden", "Saal A", [MODERATOR], ["Dr. Florian Maier, IHK für München und Oberbayern (Demo)"]),
      session(41, "11:00", "12:30", "it", "Apprendistato duale nelle PMI italiane: esperienze delle reti", "Saal A", [PAOLO, ANTONIO]),
      session(41, "14:00", "16:00", "de", "Workshop: Verbundausbildung und Ausbildungsbotschafter", "Saal B", [HENRIK, KATRIN]),
      session(42, "09:30", "12:00", "it", "Verso una raccomandazione comune", "Saal A", [FRANCESCA], ["Prof.ssa Laura Bellini, Università di Bologna (Demo)"]),
    ],
    // Ten places: the first ten who stayed hold them, the rest wait in the order they came.
    registrations: [
      reg(KATRIN, { dietary: "vegetarisch" }),
      reg(PAOLO),
      reg(STEFAN),
      reg(FRANCESCA),
      reg(HENRIK),
      reg(OBSERVER),
      reg(LUCA, { status: "cancelled" }),
      reg(GIULIA),
      reg(MARIA, { registeredBy: FRANCESCA }),
      reg(ANTONIO, { accessibility: "Posto accessibile in sedia a rotelle" }),
      reg(JONAS),
      reg(LENA, { status: "waiting" }),
      reg(TOBIAS, { status: "waiting" }),
      reg(SARA, { status: "cancelled" }),
      reg(CHIARA, { status: "waiting" }),
    ],
    interpreting: "firstSession",
    costs: [
      { kind: "venue", description: "Saal A und B, Technik", planned: 3000, actual: null },
      { kind: "interpreting", description: "Simultandolmetschen DE–IT, 1,5 Tage", planned: 4800, actual: null },
      { kind: "travel", description: "Reisekosten der Netzwerke", planned: 5500, actual: null },
      { kind: "fees", description: "Honorare Gäste", planned: 800, actual: null },
    ],
    minutes: null,
  },
];

export const demoEvents: DemoEvent[] = [...mechatronics, ...green, ...hospitality, ...fashion, ...logistics, ...commons];
