/**
 * DEMO DATA for the intake: twelve expressions of interest as the public form would have stored
 * them (the four parts of the call, ../../../shared/seeds/000_*.txt, see DOMAIN.md), six sent
 * by Italian groups and six by German ones, some of them already with a partner from the other
 * country. Every group, organisation and person here is fictitious; public bodies carry
 * "(Demo)" in their names, every group name ends in "(Demo)" and contacts write from
 * demo.*@example.org (a domain reserved for examples, so no mail reaches anyone).
 *
 * Texts are in the group's language (its `locale`); the project team's internal notes are in
 * German, the status messages (mailed to the group) in the group's language. Pure data: no
 * database code (server/demo/apply-demo-interest.ts stores it). Ids are fixed so the seed
 * stays idempotent; days count back from the seed's today.
 */
import type { Country, OrganisationType, Sector } from "#shared/roles";
import type { ActionArea, OccupationalField, Theme } from "#shared/taxonomy";
import type { ExperienceScale, InterestStatus } from "#shared/intake/vocabulary";

/** The project-team account (./demo-data.ts) that writes the log and makes the introduction. */
export const DEMO_PROJECT_TEAM_EMAIL = "projektteam@connactions.demo";

export interface DemoInterestMember {
  name: string;
  type: OrganisationType;
  sector: Sector;
  city: string;
  region: string;
  country: Country;
}

/**
 * What happened to a group after it sent its expression, `day` days before the seed's now.
 * Status changes carry the message mailed to the group; notes and contacts are the project
 * team's; "amended" is the group correcting its submission through its private link.
 */
export type DemoInterestEvent =
  | { day: number; kind: "status"; to: InterestStatus; message: string }
  | { day: number; kind: "note" | "contact"; body: string }
  | { day: number; kind: "amended" };

export interface DemoInterest {
  /** demo-interest-01 … 12 */
  id: string;
  /** Where `history` leaves the group (checked when applied). */
  status: InterestStatus;
  locale: "de" | "it";
  /** Sent this many days before the seed's now. */
  submittedDay: number;
  groupName: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  occupationalField: OccupationalField;
  fieldDescription: string;
  themes: Theme[];
  actionAreas: ActionArea[];
  scale: ExperienceScale;
  apprentices: number | null;
  companies: number | null;
  jointProjects: string;
  motivation: string;
  projectIdea: string;
  expectedValue: string;
  offeredValue: string;
  pastCooperation: string;
  fundedProjects: string;
  /** The group agreed to be introduced to possible partners. */
  introductions: boolean;
  members: DemoInterestMember[];
  /** Oldest first. */
  history: DemoInterestEvent[];
}

/** An introduction the project team made between two groups, `day` days before now. */
export interface DemoIntroduction {
  between: [string, string];
  day: number;
}

const member = (name: string, type: OrganisationType, sector: Sector, city: string, region: string, country: Country): DemoInterestMember => ({
  name,
  type,
  sector,
  city,
  region,
  country,
});

// Status messages used more than once, in the group's language.
const IT_IN_VALIDATION = "Grazie per la vostra manifestazione di interesse. La stiamo esaminando e vi contatteremo entro due settimane.";
const IT_LOOKING = "Abbiamo confermato il potenziale del vostro gruppo: da oggi cerchiamo con voi partner adatti in Germania.";
const DE_IN_VALIDATION = "Vielen Dank für Ihre Interessensbekundung. Wir prüfen sie und melden uns innerhalb von zwei Wochen bei Ihnen.";
const DE_LOOKING = "Wir haben das Potenzial Ihrer Gruppe bestätigt und suchen ab jetzt gemeinsam mit Ihnen passende Partner in Italien.";

export const demoInterests: DemoInterest[] = [
  // ——— Italian groups ———
  {
    id: "demo-interest-01",
    status: "received",
    locale: "it",
    submittedDay: 4,
    groupName: "Rete Meccatronica Alto Vicentino (Demo)",
    contactName: "Giorgio Dal Santo",
    contactEmail: "demo.dalsanto@example.org",
    contactPhone: "",
    occupationalField: "mechatronics",
    fieldDescription: "Meccatronica e automazione industriale, in particolare la manutenzione di linee robotizzate.",
    themes: ["skilledWorkers", "digitalisation"],
    actionAreas: ["companyEngagement", "workBasedLearning"],
    scale: "regional",
    apprentices: 35,
    companies: 12,
    jointProjects: "Dal 2021 organizziamo insieme percorsi di apprendistato per tecnici di manutenzione e un laboratorio di robotica condiviso tra scuola e imprese.",
    motivation:
      "Le imprese meccaniche del territorio faticano a trovare tecnici qualificati. Vogliamo capire come le aziende tedesche coinvolgono i propri formatori aziendali e rendono l'apprendistato attraente per i giovani.",
    projectIdea:
      "Sviluppare con partner tedeschi compiti di apprendimento comuni sulla manutenzione predittiva, da svolgere sia a scuola sia in azienda, e uno scambio di due settimane tra formatori aziendali.",
    expectedValue: "Metodi collaudati per la qualificazione dei formatori aziendali e per la cooperazione tra i luoghi di apprendimento.",
    offeredValue: "Un laboratorio di robotica ben attrezzato, esperienza con piccole imprese meccaniche e la disponibilità ad accogliere apprendisti tedeschi.",
    pastCooperation: "Nessuna cooperazione strutturata finora; due delle nostre aziende hanno clienti in Baviera.",
    fundedProjects: "Progetto Erasmus+ di mobilità per studenti dell'istituto tecnico (2022–2024).",
    introductions: true,
    members: [
      member("Istituto Tecnico Tecnologico Alto Vicentino (Demo)", "vocational_school", "public", "Schio", "Veneto", "IT"),
      member("Dalla Valle Automazioni s.r.l.", "company", "private", "Thiene", "Veneto", "IT"),
      member("Associazione Industriali Vicenza – Sezione Meccanica (Demo)", "association", "private", "Vicenza", "Veneto", "IT"),
    ],
    history: [],
  },
  {
    id: "demo-interest-02",
    status: "looking_for_partners",
    locale: "it",
    submittedDay: 30,
    groupName: "Partenariato Meccatronica Torino Sud (Demo)",
    contactName: "Silvia Bertola",
    contactEmail: "demo.bertola@example.org",
    contactPhone: "",
    occupationalField: "mechatronics",
    fieldDescription: "Meccatronica per l'automotive e la componentistica, compresa la riconversione verso la mobilità elettrica.",
    themes: ["skilledWorkers", "diversityInclusion"],
    actionAreas: ["cooperation", "workBasedLearning"],
    scale: "regional",
    apprentices: 60,
    companies: 18,
    jointProjects: "Percorsi di apprendistato per il diploma professionale di operatore meccatronico, progettati insieme dal centro di formazione e dalle imprese.",
    motivation:
      "La trasformazione dell'automotive richiede nuove competenze. Sindacato, imprese ed ente pubblico vogliono costruire insieme un'offerta formativa con più apprendimento in azienda, come nel sistema duale tedesco.",
    projectIdea:
      "Un modulo formativo bilaterale sulla manutenzione di veicoli e impianti ad alta tensione, con scambi di apprendisti, e una campagna per avvicinare più ragazze alle professioni tecniche.",
    expectedValue: "Capire il ruolo delle parti sociali e delle camere nella formazione duale tedesca.",
    offeredValue: "Esperienza nella riqualificazione dei lavoratori dell'automotive e un laboratorio didattico sull'alta tensione.",
    pastCooperation: "Una visita di studio a Stoccarda nel 2019, organizzata dal sindacato.",
    fundedProjects: "",
    introductions: true,
    members: [
      member("Centro di Formazione Professionale Moncalieri (Demo)", "training_provider", "public", "Moncalieri", "Piemonte", "IT"),
      member("Officine Ghiglione s.r.l.", "company", "private", "Nichelino", "Piemonte", "IT"),
      member("FIOM-CGIL Torino (Demo)", "union", "private", "Torino", "Piemonte", "IT"),
      member("Città Metropolitana di Torino – Formazione (Demo)", "public_body", "public", "Torino", "Piemonte", "IT"),
    ],
    history: [
      { day: 26, kind: "status", to: "in_validation", message: IT_IN_VALIDATION },
      {
        day: 24,
        kind: "contact",
        body: "Telefonat mit Frau Bertola: Die Gruppe ist offen für Partner aus Sachsen oder Baden-Württemberg, Schwerpunkt Hochvolttechnik. Sprachkenntnisse Deutsch: keine, Englisch gut.",
      },
      { day: 20, kind: "status", to: "looking_for_partners", message: IT_LOOKING },
    ],
  },
  {
    id: "demo-interest-03",
    status: "in_validation",
    locale: "it",
    submittedDay: 12,
    groupName: "Accoglienza Salento – Rete per l'apprendistato (Demo)",
    contactName: "Antonella Greco",
    contactEmail: "demo.greco@example.org",
    contactPhone: "",
    occupationalField: "hospitality",
    fieldDescription: "Accoglienza, cucina e sala nel turismo stagionale.",
    themes: ["skilledWorkers", "imageOfDualVet"],
    actionAreas: ["companyEngagement", "smallEnterprises"],
    scale: "local",
    apprentices: 14,
    companies: 9,
    jointProjects: "Tirocini estivi concordati tra l'istituto alberghiero e le strutture ricettive; nessun percorso di apprendistato duale ancora attivo.",
    motivation:
      "Ogni estate mancano cuochi e camerieri qualificati, mentre molti giovani lasciano la regione. Vogliamo fare dell'apprendistato nel turismo un percorso riconosciuto e attraente.",
    projectIdea:
      "Un modello di apprendistato che alterni la stagione estiva in Puglia a periodi formativi invernali, costruito con partner tedeschi che conoscono la formazione duale nel settore alberghiero.",
    expectedValue: "Esempi di come piccole strutture ricettive riescono a formare apprendisti tutto l'anno.",
    offeredValue: "La cucina regionale, ospitalità per apprendisti tedeschi in scambio e contatti con il sistema turistico pugliese.",
    pastCooperation: "Nessuna finora.",
    fundedProjects: "Nessuno.",
    introductions: true,
    members: [
      member("Istituto Alberghiero del Salento (Demo)", "vocational_school", "public", "Lecce", "Puglia", "IT"),
      member("Masseria Torre Bianca s.r.l.", "company", "private", "Otranto", "Puglia", "IT"),
      member("Associazione Albergatori Lecce (Demo)", "association", "private", "Lecce", "Puglia", "IT"),
    ],
    history: [
      { day: 9, kind: "status", to: "in_validation", message: IT_IN_VALIDATION },
      {
        day: 8,
        kind: "note",
        body: "Bisher nur lokale Erfahrung, aber eine klare Idee. Offene Frage an die Gruppe: Wie viele Betriebe würden ganzjährig ausbilden? Passt evtl. zu Gastgewerbe-Gruppen von der Ostsee.",
      },
    ],
  },
  {
    id: "demo-interest-04",
    status: "looking_for_partners",
    locale: "it",
    submittedDay: 40,
    groupName: "Energia Verde Marche – Artigiani e Scuola (Demo)",
    contactName: "Luca Santarelli",
    contactEmail: "demo.santarelli@example.org",
    contactPhone: "",
    occupationalField: "greenEnergy",
    fieldDescription: "Installazione e manutenzione di impianti fotovoltaici, pompe di calore e sistemi di accumulo.",
    themes: ["digitalisation", "skilledWorkers"],
    actionAreas: ["smallEnterprises", "workBasedLearning"],
    scale: "regional",
    apprentices: 22,
    companies: 30,
    jointProjects: "Corsi serali per installatori elettrici sulle energie rinnovabili, organizzati dall'associazione artigiana insieme all'istituto professionale.",
    motivation:
      "Le micro imprese artigiane dell'impiantistica vorrebbero formare apprendisti, ma non hanno tempo né strumenti per farlo. Le camere dell'artigianato tedesche ci interessano come modello di supporto.",
    projectIdea:
      "Un kit per le micro imprese che formano apprendisti nelle rinnovabili: piani formativi modulari, un tutor esterno condiviso tra più imprese e moduli digitali sulla diagnosi a distanza degli impianti.",
    expectedValue: "Conoscere come le camere dell'artigianato tedesche affiancano le piccole imprese nella formazione.",
    offeredValue: "Una rete di 30 piccole imprese disponibili per visite e l'esperienza con il fotovoltaico sugli edifici storici.",
    pastCooperation: "",
    fundedProjects: "Un progetto regionale del Fondo sociale europeo sulla formazione degli installatori (2023–2025).",
    introductions: false,
    members: [
      member("Associazione Artigiani Ancona (Demo)", "association", "private", "Ancona", "Marche", "IT"),
      member("Impianti Solari Pieroni s.n.c.", "crafts_business", "private", "Jesi", "Marche", "IT"),
      member("Istituto Professionale Industria e Artigianato Fabriano (Demo)", "vocational_school", "public", "Fabriano", "Marche", "IT"),
    ],
    history: [
      { day: 36, kind: "status", to: "in_validation", message: IT_IN_VALIDATION },
      {
        day: 33,
        kind: "note",
        body: "Die Gruppe möchte nicht direkt mit anderen Gruppen bekannt gemacht werden: Mögliche Partner nur über uns ansprechen und vorher Rücksprache mit Herrn Santarelli halten.",
      },
      { day: 28, kind: "status", to: "looking_for_partners", message: IT_LOOKING },
      {
        day: 10,
        kind: "contact",
        body: "Mail an Herrn Santarelli: Handwerkskammer-Seite des Netzwerks Grüne Energie NRW – Toscana als Gesprächspartner vorgeschlagen. Antwort steht aus.",
      },
    ],
  },
  {
    id: "demo-interest-05",
    status: "partnership_formed",
    locale: "it",
    submittedDay: 55,
    groupName: "Filiera Moda Napoli (Demo)",
    contactName: "Rosaria Iovine",
    contactEmail: "demo.iovine@example.org",
    contactPhone: "",
    occupationalField: "fashion",
    fieldDescription: "Sartoria su misura, camiceria e modellistica per la moda.",
    themes: ["imageOfDualVet", "diversityInclusion"],
    actionAreas: ["smallEnterprises", "cooperation"],
    scale: "international",
    apprentices: 18,
    companies: 11,
    jointProjects: "L'accademia forma apprendisti per le camicerie del centro storico; con la scuola di Monaco scambiamo dal 2022 docenti di modellistica.",
    motivation:
      "I mestieri della sartoria rischiano di scomparire perché pochi giovani li scelgono. Insieme alla scuola di Monaco vogliamo dimostrare che l'apprendistato nella moda apre un futuro.",
    projectIdea:
      "Una piccola collezione realizzata insieme da apprendisti italiani e tedeschi e presentata in entrambe le città, con moduli comuni di modellistica digitale e una campagna di orientamento nelle scuole medie.",
    expectedValue: "Altri partner tedeschi, in particolare una camera dell'artigianato e sartorie che formano apprendisti.",
    offeredValue: "La tradizione sartoriale napoletana, laboratori attrezzati e una rete di piccole imprese disponibili per i tirocini.",
    pastCooperation: "Scambio di docenti di modellistica con la scuola professionale di Monaco dal 2022.",
    fundedProjects: "Partenariato Erasmus+ su taglio e modellistica digitale (2023–2025).",
    introductions: true,
    members: [
      member("Accademia della Sartoria Partenopea (Demo)", "training_provider", "private", "Napoli", "Campania", "IT"),
      member("Camiceria Partenope s.r.l.", "company", "private", "Napoli", "Campania", "IT"),
      member("Camera di Commercio di Napoli (Demo)", "chamber", "public", "Napoli", "Campania", "IT"),
      member("Staatliche Berufsfachschule für Bekleidung München (Demo)", "vocational_school", "public", "München", "Bayern", "DE"),
    ],
    history: [
      { day: 50, kind: "status", to: "in_validation", message: IT_IN_VALIDATION },
      { day: 45, kind: "status", to: "looking_for_partners", message: IT_LOOKING },
      {
        day: 30,
        kind: "contact",
        body: "Videokonferenz mit der Gruppe, der Münchner Berufsfachschule und zwei Maßschneidereien aus Oberbayern: gemeinsames Interesse bestätigt, die Handwerkskammer wird angefragt.",
      },
      {
        day: 14,
        kind: "status",
        to: "partnership_formed",
        message: "Congratulazioni: la vostra partnership bilaterale è costituita. Ora potete preparare insieme la candidatura; restiamo a disposizione per ogni domanda.",
      },
    ],
  },
  {
    id: "demo-interest-06",
    status: "staying_in_touch",
    locale: "it",
    submittedDay: 58,
    groupName: "Filiera Vitivinicola Conegliano (Demo)",
    contactName: "Marta Zanin",
    contactEmail: "demo.zanin@example.org",
    contactPhone: "",
    occupationalField: "wine",
    fieldDescription: "Enologia e viticoltura, lavoro in cantina e commercializzazione del vino.",
    themes: ["careerGuidance", "digitalisation"],
    actionAreas: ["companyEngagement"],
    scale: "local",
    apprentices: 8,
    companies: 6,
    jointProjects: "Stage in cantina durante la vendemmia per gli studenti del quarto anno.",
    motivation: "Vorremmo conoscere la formazione duale dei viticoltori in Germania e portare più apprendistato nelle nostre cantine.",
    projectIdea: "Uno scambio di apprendisti durante la vendemmia tra il Veneto e una regione vinicola tedesca, con un modulo comune sulla viticoltura di precisione.",
    expectedValue: "Un confronto sulle competenze richieste in cantina e sul ruolo delle imprese nella formazione.",
    offeredValue: "Le nostre cantine e la scuola enologica possono accogliere gruppi in visita.",
    pastCooperation: "Nessuna.",
    fundedProjects: "",
    introductions: true,
    members: [
      member("Istituto Enologico di Conegliano (Demo)", "vocational_school", "public", "Conegliano", "Veneto", "IT"),
      member("Cantina Sociale Colli del Piave soc. coop.", "company", "private", "Susegana", "Veneto", "IT"),
    ],
    history: [
      { day: 54, kind: "status", to: "in_validation", message: IT_IN_VALIDATION },
      { day: 48, kind: "status", to: "looking_for_partners", message: IT_LOOKING },
      {
        day: 25,
        kind: "contact",
        body: "Telefonat mit Frau Zanin: Bisher kein deutscher Partner aus dem Weinbau gefunden; während der Lese hat die Gruppe kaum Zeit. Sie möchte über Infoveranstaltungen informiert bleiben.",
      },
      {
        day: 21,
        kind: "status",
        to: "staying_in_touch",
        message:
          "Per ora non è stato possibile trovare un partner tedesco nel settore vitivinicolo. Vi terremo informati sugli eventi informativi del progetto e sulle prossime occasioni di incontro.",
      },
    ],
  },

  // ——— German groups ———
  {
    id: "demo-interest-07",
    status: "received",
    locale: "de",
    submittedDay: 3,
    groupName: "Ausbildungsverbund Mechatronik Neckar-Alb (Demo)",
    contactName: "Martin Eisele",
    contactEmail: "demo.eisele@example.org",
    // A number range the Federal Network Agency keeps for fiction.
    contactPhone: "+49 30 23125 107",
    occupationalField: "mechatronics",
    fieldDescription: "Mechatronik im Sondermaschinenbau, Schwerpunkt Robotik und vernetzte Fertigung.",
    themes: ["digitalisation", "careerGuidance"],
    actionAreas: ["workBasedLearning", "cooperation"],
    scale: "regional",
    apprentices: 45,
    companies: 14,
    jointProjects: "Gemeinsame überbetriebliche Lehrgänge zur Robotik und ein Azubi-Projekt zum Aufbau einer Lernfabrik an der Berufsschule.",
    motivation:
      "Unsere Betriebe liefern viel nach Norditalien, kennen aber das italienische Ausbildungssystem kaum. Wir wollen lernen, wie Schule und Betrieb in Italien zusammenarbeiten, und unsere Erfahrungen teilen.",
    projectIdea:
      "Gemeinsame Projektarbeiten in der Lernfabrik: Deutsche und italienische Azubis programmieren eine kleine Fertigungszelle, erst online, dann bei einem zweiwöchigen Austausch.",
    expectedValue: "Einblick in die Verbindung von schulischer und betrieblicher Ausbildung in Italien und neue Kontakte für unsere Betriebe.",
    offeredValue: "Die Lernfabrik der Berufsschule, Ausbilderinnen und Ausbilder mit Robotik-Erfahrung und Praktikumsplätze für italienische Azubis.",
    pastCooperation: "Einzelne Betriebe haben Kunden in der Lombardei; in der Ausbildung gab es bisher keine Zusammenarbeit.",
    fundedProjects: "Erasmus+-Mobilität von Azubis nach Österreich und Spanien (laufend).",
    introductions: true,
    members: [
      member("Rapp Sondermaschinen GmbH", "company", "private", "Reutlingen", "Baden-Württemberg", "DE"),
      member("Gewerbliche Schule Reutlingen-Nord (Demo)", "vocational_school", "public", "Reutlingen", "Baden-Württemberg", "DE"),
      member("IHK Reutlingen (Demo)", "chamber", "public", "Reutlingen", "Baden-Württemberg", "DE"),
    ],
    history: [
      {
        day: 2,
        kind: "note",
        body: "Vollständig und gut begründet. Passt fachlich zu den Mechatronik-Gruppen aus dem Piemont und aus Venetien; nach der Prüfung vorstellen.",
      },
    ],
  },
  {
    id: "demo-interest-08",
    status: "looking_for_partners",
    locale: "de",
    submittedDay: 35,
    groupName: "Netzwerk Fahrzeugmechatronik Westsachsen (Demo)",
    contactName: "Sandra Richter",
    contactEmail: "demo.richter@example.org",
    contactPhone: "",
    occupationalField: "mechatronics",
    fieldDescription: "Mechatronik und Kfz-Mechatronik mit Schwerpunkt Elektromobilität und Hochvolttechnik.",
    themes: ["skilledWorkers", "diversityInclusion"],
    actionAreas: ["cooperation", "companyEngagement"],
    scale: "regional",
    apprentices: 70,
    companies: 20,
    jointProjects: "Ausbildungsverbund für die Hochvolt-Qualifizierung seit 2020; gemeinsame Aktionstage, um Schülerinnen für technische Berufe zu gewinnen.",
    motivation:
      "Der Umbau zur Elektromobilität verändert die Ausbildung in unserer Region stark. Wir suchen Partner, die vor derselben Aufgabe stehen, und wollen zeigen, wie Sozialpartner die Ausbildung mitgestalten.",
    projectIdea:
      "Ein gemeinsames Hochvolt-Lernmodul für Azubis beider Länder mit Austauschphasen, dazu eine Kampagne, die mehr junge Frauen für technische Ausbildungsberufe gewinnt.",
    expectedValue: "Erfahrungen aus Italien mit der Umschulung von Beschäftigten und mit schulischer Ausbildung in der Autoindustrie.",
    offeredValue: "Eine Hochvolt-Schulungswerkstatt, Erfahrung in der Lernortkooperation und Kontakte zu Zulieferbetrieben.",
    pastCooperation: "Bisher keine.",
    fundedProjects: "Landesgeförderte Initiative für Frauen in technischen Berufen (2022–2024).",
    introductions: true,
    members: [
      member("Zwickauer Antriebstechnik GmbH", "company", "private", "Zwickau", "Sachsen", "DE"),
      member("Berufliches Schulzentrum für Technik Zwickau (Demo)", "vocational_school", "public", "Zwickau", "Sachsen", "DE"),
      member("IG Metall Zwickau (Demo)", "union", "private", "Zwickau", "Sachsen", "DE"),
    ],
    history: [
      { day: 31, kind: "status", to: "in_validation", message: DE_IN_VALIDATION },
      { day: 27, kind: "note", body: "Passt sehr gut zur Turiner Gruppe: Hochvolt, Gewerkschaft an Bord, Mädchen in technischen Berufen." },
      { day: 22, kind: "status", to: "looking_for_partners", message: DE_LOOKING },
      { day: 3, kind: "contact", body: "Frau Richter meldet: erstes Videogespräch mit der Turiner Gruppe hat stattgefunden, ein Besuch in Zwickau ist im Gespräch." },
    ],
  },
  {
    id: "demo-interest-09",
    status: "in_validation",
    locale: "de",
    submittedDay: 14,
    groupName: "Hafenlogistik Bremerhaven – Ausbildung im Verbund (Demo)",
    contactName: "Jan Meyerdierks",
    contactEmail: "demo.meyerdierks@example.org",
    contactPhone: "+49 30 23125 109",
    occupationalField: "logistics",
    fieldDescription: "Fachkräfte für Hafenlogistik und Lagerlogistik, Berufskraftfahrerinnen und Berufskraftfahrer.",
    themes: ["skilledWorkers", "digitalisation"],
    actionAreas: ["cooperation", "workBasedLearning"],
    scale: "international",
    apprentices: 40,
    companies: 9,
    jointProjects: "Verbundausbildung zur Fachkraft für Hafenlogistik: Betriebe, Schule und Kammer planen die Lernphasen gemeinsam.",
    motivation:
      "Der Terminal in Triest ist seit Jahren Geschäftspartner eines unserer Betriebe. Wir möchten die Zusammenarbeit auf die Ausbildung ausweiten und weitere italienische Partner gewinnen.",
    projectIdea:
      "Ein digitaler Lernpfad zu Containerumschlag und Zollabwicklung, den Azubis in Bremerhaven und Triest gemeinsam bearbeiten, mit kurzen Hospitationen im jeweils anderen Hafen.",
    expectedValue: "Partner aus einer italienischen Berufsschule oder Region, die die schulische Seite abdecken.",
    offeredValue: "Erfahrung mit Verbundausbildung im Hafen, Simulatoren für Containerbrücken und Hospitationsplätze.",
    pastCooperation: "Geschäftsbeziehung zwischen dem Bremerhavener Betrieb und dem Terminal in Triest seit 2018; ein Besuch von Ausbildern 2023.",
    fundedProjects: "",
    introductions: true,
    members: [
      member("Weserkai Container Service GmbH", "company", "private", "Bremerhaven", "Bremen", "DE"),
      member("Schulzentrum für Logistik Bremerhaven (Demo)", "vocational_school", "public", "Bremerhaven", "Bremen", "DE"),
      member("Handelskammer Bremen (Demo)", "chamber", "public", "Bremen", "Bremen", "DE"),
      member("Terminal Adriatico Logistica s.r.l.", "company", "private", "Trieste", "Friuli-Venezia Giulia", "IT"),
    ],
    history: [
      { day: 11, kind: "amended" },
      { day: 7, kind: "status", to: "in_validation", message: DE_IN_VALIDATION },
      {
        day: 5,
        kind: "note",
        body: "Gemischte Gruppe: Der italienische Partner ist ein Betrieb, eine öffentliche Stelle in Italien fehlt noch. Region Friaul-Julisch Venetien oder eine Berufsschule in Triest ansprechen?",
      },
    ],
  },
  {
    id: "demo-interest-10",
    status: "partnership_formed",
    locale: "de",
    submittedDay: 50,
    groupName: "Ostsee-Gastlichkeit Rostock (Demo)",
    contactName: "Claudia Wendt",
    contactEmail: "demo.wendt@example.org",
    contactPhone: "",
    occupationalField: "hospitality",
    fieldDescription: "Hotelfach, Restaurantfach und Köchinnen und Köche in einer Saisonregion.",
    themes: ["skilledWorkers", "imageOfDualVet"],
    actionAreas: ["companyEngagement", "workBasedLearning"],
    scale: "international",
    apprentices: 55,
    companies: 25,
    jointProjects: "Azubi-Austausch zwischen Hotels der Region und Azubi-Botschafterinnen und -Botschafter, die an Schulen für die Ausbildung werben.",
    motivation:
      "Wie in Süditalien ist unser Tourismus stark saisonal, und viele Ausbildungsplätze bleiben unbesetzt. Mit der Schule in Cefalù tauschen wir schon Schülergruppen aus; daraus soll eine dauerhafte Partnerschaft in der Ausbildung werden.",
    projectIdea:
      "Ein Austausch über die Saisons: Azubis aus Rostock arbeiten im Winter in Sizilien, italienische Auszubildende im Sommer an der Ostsee, begleitet von gemeinsamen Lernaufgaben.",
    expectedValue: "Weitere italienische Partner aus Betrieben und Kammern.",
    offeredValue: "Ausbildungsbetriebe mit Erfahrung in internationalen Praktika und Unterkünfte für Gast-Azubis.",
    pastCooperation: "Schüleraustausch mit dem Hotelfachinstitut in Cefalù seit 2019.",
    fundedProjects: "Erasmus+-Akkreditierung der Berufsschule für die Mobilität in der Berufsbildung.",
    introductions: true,
    members: [
      member("Hotel Warnowblick GmbH & Co. KG", "company", "private", "Rostock", "Mecklenburg-Vorpommern", "DE"),
      member("Hotel- und Gaststättenverband Mecklenburg-Vorpommern (Demo)", "association", "private", "Schwerin", "Mecklenburg-Vorpommern", "DE"),
      member("Berufliche Schule Hotellerie und Gastronomie Rostock (Demo)", "vocational_school", "public", "Rostock", "Mecklenburg-Vorpommern", "DE"),
      member("Istituto Alberghiero di Cefalù (Demo)", "vocational_school", "public", "Cefalù", "Sicilia", "IT"),
    ],
    history: [
      { day: 46, kind: "status", to: "in_validation", message: DE_IN_VALIDATION },
      { day: 42, kind: "status", to: "looking_for_partners", message: DE_LOOKING },
      {
        day: 35,
        kind: "contact",
        body: "Gespräch mit Frau Wendt: Die Gruppe ergänzt die italienische Seite um den Hotelverband der Provinz Palermo und einen Hotelbetrieb aus Cefalù; die Zusagen folgen per Mail.",
      },
      {
        day: 12,
        kind: "status",
        to: "partnership_formed",
        message: "Herzlichen Glückwunsch: Ihre bilaterale Partnerschaft steht. Sie können jetzt gemeinsam Ihren Antrag vorbereiten; bei Fragen sind wir für Sie da.",
      },
    ],
  },
  {
    id: "demo-interest-11",
    status: "received",
    locale: "de",
    submittedDay: 2,
    groupName: "Windenergie-Ausbildung Westküste (Demo)",
    contactName: "Hauke Jessen",
    contactEmail: "demo.jessen@example.org",
    contactPhone: "",
    occupationalField: "greenEnergy",
    fieldDescription: "Elektronik und Mechatronik für Service und Wartung von Windenergieanlagen.",
    themes: ["skilledWorkers", "imageOfDualVet"],
    actionAreas: ["companyEngagement", "cooperation"],
    scale: "regional",
    apprentices: 28,
    companies: 7,
    jointProjects: "Zusatzqualifikation Windenergietechnik für Azubis in Elektro- und Mechatronikberufen.",
    motivation:
      "Die Energiewende braucht Servicetechnikerinnen und -techniker, doch auf dem Land fehlen Bewerbungen. Wir möchten sehen, wie Italien junge Menschen für Berufe in den erneuerbaren Energien gewinnt.",
    projectIdea: "Eine gemeinsame Zusatzqualifikation für die Servicetechnik an Wind- und Solaranlagen, mit Praxisphasen in Windparks beider Länder.",
    expectedValue: "Partner aus Süditalien mit Erfahrung in Wind- und Solarparks.",
    offeredValue: "Sicherheits- und Höhenrettungstraining an einem Trainingsturm und Kontakte zu Windparkbetreibern.",
    pastCooperation: "",
    fundedProjects: "Bisher keine.",
    introductions: false,
    members: [
      member("Nordwind Service Husum GmbH", "company", "private", "Husum", "Schleswig-Holstein", "DE"),
      member("Berufsbildungszentrum Nordfriesland (Demo)", "vocational_school", "public", "Husum", "Schleswig-Holstein", "DE"),
      member("Kreis Nordfriesland – Wirtschaftsförderung (Demo)", "public_body", "public", "Husum", "Schleswig-Holstein", "DE"),
    ],
    history: [],
  },
  {
    id: "demo-interest-12",
    status: "not_selected",
    locale: "de",
    submittedDay: 45,
    groupName: "IT-Ausbildung Rhein-Main (Demo)",
    contactName: "Deniz Yılmaz",
    contactEmail: "demo.yilmaz@example.org",
    contactPhone: "",
    occupationalField: "ict",
    fieldDescription: "Fachinformatik für Anwendungsentwicklung und Systemintegration, IT-Sicherheit.",
    themes: ["digitalisation"],
    actionAreas: ["workBasedLearning"],
    scale: "local",
    apprentices: 6,
    companies: 2,
    jointProjects: "Gemeinsame Kurse zur Vorbereitung auf die Abschlussprüfung.",
    motivation: "Wir möchten unseren Azubis internationale Erfahrungen ermöglichen.",
    projectIdea: "Ein Online-Programmierwettbewerb für Azubis aus Deutschland und Italien.",
    expectedValue: "Kontakte zu italienischen Softwarefirmen.",
    offeredValue: "Unsere Online-Lernplattform und Mentoring durch erfahrene Entwicklerinnen und Entwickler.",
    pastCooperation: "Keine.",
    fundedProjects: "",
    introductions: true,
    members: [
      member("Mainsoft Systemhaus GmbH", "company", "private", "Offenbach am Main", "Hessen", "DE"),
      member("Bildungswerk Digitale Berufe Frankfurt e. V. (Demo)", "training_provider", "private", "Frankfurt am Main", "Hessen", "DE"),
    ],
    history: [
      { day: 41, kind: "status", to: "in_validation", message: DE_IN_VALIDATION },
      {
        day: 38,
        kind: "note",
        body: "Nur zwei private Partner, keine Schule oder Kammer; die Idee bezieht sich bisher kaum auf die duale Ausbildung. Bei der Gruppe nachgefragt.",
      },
      { day: 33, kind: "contact", body: "Antwort von Herrn Yılmaz: Die Gruppe kann vorerst keine weiteren Partner einbinden." },
      {
        day: 30,
        kind: "status",
        to: "not_selected",
        message:
          "Vielen Dank für Ihr Interesse. Nach unserer Prüfung können wir Ihre Gruppe in dieser Runde leider nicht für ein Modell-Netzwerk vorschlagen. Über unsere Informationsveranstaltungen halten wir Sie gern auf dem Laufenden.",
      },
    ],
  },
];

/** The Turin and Zwickau mechatronics groups, both looking for partners, were introduced to each other. */
export const demoIntroductions: DemoIntroduction[] = [{ between: ["demo-interest-02", "demo-interest-08"], day: 6 }];
