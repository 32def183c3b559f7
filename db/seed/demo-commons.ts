/**
 * DEMO DATA for the network of networks (the commons): a good-practice library, findings of
 * the five demo networks (./demo-data.ts) with cross-network discussion, and two
 * recommendations for the advisory board. Pure data: no database code. Ids are fixed so the
 * seed stays idempotent.
 *
 * The good-practice entries are based on facts (names, partners, fields, goals) from the federal
 * InnoVET brochure (../../../shared/seeds/002_*.txt, see DOMAIN.md); every summary is written
 * anew. All InnoVET projects are German, so their country is "DE". Findings, comments and
 * recommendations are invented; authors are the fictitious people of ./demo-data.ts.
 */
import type { ActionArea, OccupationalField, Theme } from "#shared/taxonomy";
import type { FindingCountry } from "#shared/validation/findings-forms";
import type { GoodPracticeStatus, ThemeCluster } from "#shared/validation/good-practice-forms";
import type { RecommendationStage } from "#shared/policy";

/** "DE", "IT" or "both" (a bilateral finding or entry). */
export type DemoCommonsCountry = FindingCountry;

export interface DemoGoodPractice {
  id: string;
  /** German */
  title: string;
  /** German, 2–3 sentences, own words */
  summary: string;
  occupationalField: OccupationalField;
  country: DemoCommonsCountry;
  /** Comma-separated partner organisations as named in the brochure. */
  partners: string;
  /** One of the six InnoVET theme clusters (THEME_CLUSTERS, shared/validation/good-practice-forms.ts). */
  themeCluster: ThemeCluster;
  /** The project website given in the brochure, or null. */
  link: string | null;
  status: GoodPracticeStatus;
  demo: true;
}

export type DemoEvidence =
  | { kind: "goodPractice"; targetId: string }
  | { kind: "finding"; targetId: string }
  | { kind: "web"; url: string; label: string };

export interface DemoFindingComment {
  /** A member of another network than the finding's. */
  authorEmail: string;
  body: string;
}

export interface DemoFinding {
  id: string;
  networkId: string;
  /** A member of networkId (demoPeople); the body is in this person's language. */
  authorEmail: string;
  title: string;
  /** Paragraphs separated by a blank line; "- " starts a bullet line. */
  body: string;
  actionAreas: ActionArea[];
  occupationalFields: OccupationalField[];
  themes: Theme[];
  country: DemoCommonsCountry;
  evidence: DemoEvidence[];
  pinned: boolean;
  comments: DemoFindingComment[];
}

export interface DemoCitation {
  kind: "finding" | "goodPractice";
  targetId: string;
}

export interface DemoEndorsement {
  networkId: string;
  /** The coordinator of networkId (demoPeople) who endorses on the network's behalf. */
  coordinatorEmail: string;
  statement: string | null;
}

export interface DemoRecommendation {
  id: string;
  /** German */
  title: string;
  creatorEmail: string;
  /** German paragraphs of the recommendation text. */
  paragraphs: string[];
  citations: DemoCitation[];
  endorsements: DemoEndorsement[];
  /** Personal supports (member emails), shown apart from the endorsements. */
  supports: string[];
  stage: RecommendationStage;
  threshold: number;
}

/** Paragraphs of a finding's body, separated by a blank line. */
const paras = (...parts: string[]): string => parts.join("\n\n");

// People of ./demo-data.ts (demoPeople), by network.
const MECH_COORD = "koordination.mechatronik@connactions.demo"; // Katrin Huber, de
const MECH_IT = "mitglied.mechatronik@connactions.demo"; // Luca Ferretti, it
const MECH_EN = "member.mechatronik@connactions.demo"; // Jonas Weber, en
const GREEN_COORD = "koordination.energie@connactions.demo"; // Stefan Schulte, de
const GREEN_IT = "mitglied.energie@connactions.demo"; // Giulia Bianchi, it
const HOSP_COORD = "coordinamento.gastgewerbe@connactions.demo"; // Paolo Moser, it
const HOSP_DE = "mitglied.gastgewerbe@connactions.demo"; // Lena Lindner, de
const HOSP_EN = "member.gastgewerbe@connactions.demo"; // Chiara Rossi, en
const FASH_COORD = "coordinamento.textil@connactions.demo"; // Francesca Colombo, it
const FASH_DE = "mitglied.textil@connactions.demo"; // Maria Krause, de
const FASH_EN = "member.textil@connactions.demo"; // Tobias Lehmann, en
const LOG_COORD = "koordination.logistik@connactions.demo"; // Henrik Petersen, de
const LOG_IT = "mitglied.logistik@connactions.demo"; // Antonio Esposito, it
const LOG_EN = "member.logistik@connactions.demo"; // Elena Russo, en

const BIBB = { kind: "web", url: "https://www.bibb.de", label: "BIBB – Bundesinstitut für Berufsbildung" } as const;
const INAPP = { kind: "web", url: "https://www.inapp.gov.it", label: "INAPP – Istituto Nazionale per l'Analisi delle Politiche Pubbliche" } as const;
const NA_BIBB = { kind: "web", url: "https://www.na-bibb.de", label: "Nationale Agentur Bildung für Europa beim BIBB (Erasmus+)" } as const;
const GOVET = { kind: "web", url: "https://www.govet.international", label: "GOVET – Zentralstelle für internationale Berufsbildungskooperation" } as const;
const CEDEFOP = { kind: "web", url: "https://www.cedefop.europa.eu", label: "Cedefop – Centro europeo per lo sviluppo della formazione professionale" } as const;

const gp = (targetId: string) => ({ kind: "goodPractice", targetId }) as const;
const fd = (targetId: string) => ({ kind: "finding", targetId }) as const;

export const demoGoodPractices: DemoGoodPractice[] = [
  {
    id: "demo-gp-01",
    title: "ABBO – Allianz für berufliche Bildung in Ostbayern",
    summary:
      "In Ostbayern legen Betriebe und Bildungseinrichtungen ihre Ausstattung in einem regionalen Innovationscluster zusammen, damit auch kleinere Industriebetriebe im digitalen Wandel zeitgemäß ausbilden können. Schülerinnen und Schüler erkunden in einer „Frühausbildung“ schon während der Schulzeit über längere Zeit einen Beruf, und für Industriemechaniker/-innen sowie Elektroniker/-innen für Betriebstechnik entstehen überbetriebliche Module zu Industrie 4.0. Ausbildende, Lehrkräfte und Prüfende werden lernortübergreifend weitergebildet; die Inhalte sollen über einen virtuellen Campus und eine Lernrouten-App erreichbar sein.",
    occupationalField: "mechatronics",
    country: "DE",
    partners: "Industriebetriebe und KMU der Metall- und Elektroindustrie, Schulen, außerbetriebliche Bildungseinrichtungen der Region Ostbayern",
    themeCluster: "digitalChange",
    link: null,
    status: "published",
    demo: true,
  },
  {
    id: "demo-gp-02",
    title: "BBChemie – Bedarfsorientierte Bildungswege in der Chemie",
    summary:
      "Das Projekt aus der Chemiebranche schafft Wege für sehr verschiedene Zielgruppen: Praktisch begabte Jugendliche mit schulischen Lücken beginnen mit Ausbildungsvertrag die zweijährige Ausbildung zur Fachkraft für Metalltechnik, werden dabei eng begleitet und können später auf einen dreieinhalbjährigen Beruf wie Industriemechaniker/-in aufstocken. Leistungsstarke Schulabgänger/-innen verbinden die Fachinformatik-Ausbildung mit Modulen eines IT-Studiums und wählen nach einem Jahr Ausbildung, Studium oder beides. Ausbildende Fachkräfte in den Betrieben erhalten eine eigene Weiterbildung für den Umgang mit unterschiedlichen Lerntypen.",
    occupationalField: "mechatronics",
    country: "DE",
    partners: "Ausbildungsbetriebe der chemischen Industrie, Hochschule (IT-Studium), IHK",
    themeCluster: "trainingQuality",
    link: null,
    status: "published",
    demo: true,
  },
  {
    id: "demo-gp-03",
    title: "BexElektro – Berufsbildungsexzellenz Elektromobilität",
    summary:
      "Forschungsinstitute, Bildungszentren des Elektrohandwerks, Hersteller und Verbände entwickeln gemeinsam aufeinander aufbauende Bildungsangebote zur Elektromobilität von DQR-Stufe 3 bis 7, mit Schwerpunkten auf Energiemanagement und Smart Home. Anbieter in Baden-Württemberg, Niedersachsen und Sachsen führen die Module abgestimmt durch und rechnen sie gegenseitig an; ein Trendmonitoring soll neue Technik schneller in die Lehrgänge bringen. Im Unterricht kommen unter anderem Augmented und Virtual Reality zum Einsatz.",
    occupationalField: "greenEnergy",
    country: "DE",
    partners:
      "Fraunhofer-Institut für Arbeitswirtschaft und Organisation IAO, Bundestechnologiezentrum für Elektro- und Informationstechnik (BFE), Elektro Technologie Zentrum (etz) Stuttgart, Elektrobildungs- und Technologiezentrum Dresden (EBZ), ELEKTRO DRESDEN-WEST GmbH, IAT der Universität Stuttgart, Heldele GmbH, MENNEKES Elektrotechnik, Harald Meyer Brandschutz-Elektro, PHOENIX CONTACT",
    themeCluster: "sectors",
    link: "https://www.bexelektro.de/",
    status: "published",
    demo: true,
  },
  {
    id: "demo-gp-04",
    title: "Bildungsbrücken OWL",
    summary:
      "In Ostwestfalen-Lippe haben sich eine Technische Hochschule, die Schulen des Kreises Lippe, eine Bildungsgenossenschaft und die Kreishandwerkerschaft verbündet, um Labore und Lernorte gemeinsam zu nutzen und berufliche mit akademischer Bildung zu verbinden; erprobt wird in Metall, Kunststoff, Bau und Elektro. Auszubildende mit Hochschulreife können neben der Ausbildung Hochschulkurse belegen und die Leistungspunkte später in Studium oder Fortbildung einbringen. Ein eigener Baustein stärkt Fremdsprachen und interkulturelle Kompetenz von Azubis und Lehrenden – ein guter Anknüpfungspunkt für internationale Partnerschaften.",
    occupationalField: "mechatronics",
    country: "DE",
    partners: "Technische Hochschule Ostwestfalen-Lippe (TH OWL), Eigenbetrieb Schulen des Kreises Lippe, Lippe Bildung eG, Kreishandwerkerschaft Paderborn-Lippe, ausbildende KMU",
    themeCluster: "learningVenues",
    link: null,
    status: "published",
    demo: true,
  },
  {
    id: "demo-gp-05",
    title: "BIRD – Industrie 4.0 auf der Fortbildungsstufe Berufsspezialist/-in",
    summary:
      "Eine modulare Fortbildung zu Industrie 4.0 auf DQR-Stufe 5 baut auf den Ausbildungen zur Industriemechanikerin, zum Mechatroniker und zur Industriekauffrau auf und steht auch Studierenden und Studienabbrechenden offen. Technische und kaufmännische Fachkräfte lernen teils gemeinsam, teils in eigenen Profilen, etwa zu Robotik, Internet der Dinge oder ERP; Präsenztage wechseln mit digital begleitetem Selbstlernen. Erprobt wird auf dem Land rund um Bayreuth und in der Stadt Nürnberg.",
    occupationalField: "mechatronics",
    country: "DE",
    partners: "Friedrich-Alexander-Universität Erlangen-Nürnberg (FAU), IHK Nürnberg für Mittelfranken, IHK für Oberfranken Bayreuth, Qualitus GmbH",
    themeCluster: "digitalChange",
    link: "https://www.bird-weiterbildung.de/",
    status: "published",
    demo: true,
  },
  {
    id: "demo-gp-06",
    title: "Exzellenz Handwerk – Fortbildungsleiter DQR 4–7 im Elektrohandwerk",
    summary:
      "Die Handwerkskammer Ulm baut für Elektroniker/-innen der Energie- und Gebäudetechnik eine durchgehende Fortbildungsleiter zu intelligenter Gebäudetechnik und Systemvernetzung auf, die schon in der Ausbildung mit zusätzlichen Praxisinhalten beginnt und bis zum Master Professional reicht. Hochschulen in Ulm und Biberach steuern Module bei, die sich auch auf ein Studium anrechnen lassen, und eine Online-Lernumgebung begleitet die Lehrgänge. Das Angebot richtet sich besonders an junge Menschen mit Abitur im Handwerk; eine Übertragung auf weitere Gewerke ist vorgesehen.",
    occupationalField: "greenEnergy",
    country: "DE",
    partners:
      "Handwerkskammer Ulm, School of Advanced Professional Studies (SAPS) der Universität Ulm und der THU, Technische Hochschule Ulm (THU), Hochschule Biberach (HBC), Heinz-Piest-Institut für Handwerkstechnik an der Leibniz Universität Hannover",
    themeCluster: "equivalence",
    link: "https://www.exzellenz-handwerk.de/",
    status: "published",
    demo: true,
  },
  {
    id: "demo-gp-07",
    title: "KI B³ – Künstliche Intelligenz in die Berufliche Bildung bringen",
    summary:
      "Drei baden-württembergische IHKs und mehrere Universitätsinstitute bringen Datenmanagement und Künstliche Intelligenz in die Berufsbildung: mit einer Zusatzqualifikation für technische und kaufmännische Azubis – etwa auch in Spedition und Logistik – sowie mit Fortbildungen auf DQR 5 und 6. Die Inhalte vom maschinellen Lernen bis zur Ethik werden als digitale Module aufbereitet und von einer adaptiven Lernsoftware begleitet; bestandene Prüfungsteile sollen auf den nächsthöheren Abschluss angerechnet werden. Erprobt wird zunächst in drei IHK-Modellregionen.",
    occupationalField: "ict",
    country: "DE",
    partners:
      "IHK Reutlingen (Koordination), IHK Karlsruhe, IHK Region Stuttgart, Universität Stuttgart (Institut für Maschinelle Sprachverarbeitung, Institut für Software Engineering), Ludwig-Maximilians-Universität München (Lehrstuhl für Allgemeine Pädagogik und Bildungsforschung)",
    themeCluster: "digitalChange",
    link: "https://reutlingen.ihk.de",
    status: "published",
    demo: true,
  },
  {
    id: "demo-gp-08",
    title: "SPERLE – Personalisiertes Lernen mit digitalen Medien",
    summary:
      "Hessische Bildungsträger befähigen Berufsschullehrkräfte, Ausbildungspersonal in KMU und Weiterbildner/-innen, digitale Lernumgebungen zu bauen, in denen Lernende ihren Weg durch den Stoff weitgehend selbst steuern. Am Beispiel der Metallberufe entstehen in Workshops ein didaktisches Konzept und erprobte Lernangebote, ergänzt um kurze digitale Einheiten für Fachkräfte kleiner Metallbetriebe. Eine Handreichung soll anderen Schulen und Betrieben die Übernahme erleichtern.",
    occupationalField: "mechatronics",
    country: "DE",
    partners: "INBAS – Institut für berufliche Bildung, Arbeitsmarkt- und Sozialpolitik GmbH (Koordination), Bildungswerk der Hessischen Wirtschaft e. V. (BWHW), Weiterbildung Hessen e. V.",
    themeCluster: "trainingQuality",
    link: "https://innovet-sperle.de",
    status: "published",
    demo: true,
  },
  {
    id: "demo-gp-09",
    title: "tQM – Qualitätssicherung hybrider Ausbildungsangebote",
    summary:
      "In Hamburg wird eine Ausbildung mit integrierten Studienanteilen erprobt; Berufsschule, Betrieb und Hochschule stimmen dafür Lehrpläne, Beratung und Prüfungen miteinander ab. Das Projekt entwickelt ein gemeinsames Qualitätsmanagement der drei Lernorte mit festen Austauschformaten für Lehrende, einem lernortübergreifenden Laufbahn-Coaching und Regeln zur gegenseitigen Anerkennung von Prüfungsleistungen. Pilotbereiche sind kaufmännische Berufe mit Betriebswirtschaft sowie Fachinformatik mit Informatik.",
    occupationalField: "ict",
    country: "DE",
    partners: "Hamburger Institut für Berufliche Bildung (HIBB), Berufliche Hochschule Hamburg (BHH)",
    themeCluster: "hybridModels",
    link: "https://tqm.schulhomepages.hamburg.de/",
    status: "published",
    demo: true,
  },
  {
    id: "demo-gp-10",
    title: "UpTrain – Triale Weiterbildung im öffentlichen Verkehr",
    summary:
      "Für Bus- und Bahnunternehmen entstehen zwei neue Aufstiegsfortbildungen mit IHK-Abschluss: eine technische Spezialisierung in Elektronik und Mechatronik der Mobilität auf DQR 5 und eine Leitungsqualifikation im Systemmanagement auf DQR 7. In Nordrhein-Westfalen und der Region Rhein-Main-Neckar lernen Verkehrsbetriebe, Industrie und Hochschulen dabei voneinander; mindestens ein Fünftel des Unterrichts läuft über eine digitale Branchenlernplattform. Hinzu kommen eine Karriereberatung für die Branche und ein Punktesystem, das auch nicht formal erworbene Lernleistungen vergleichbar macht.",
    occupationalField: "logistics",
    country: "DE",
    partners: "VDV-Akademie e. V. (Koordination), Verkehrsunternehmen, Industrieunternehmen, Hochschulen",
    themeCluster: "learningVenues",
    link: "https://vdv-akademie.de/projekte/uptrain-triale-weiterbildung",
    status: "published",
    demo: true,
  },
];

export const demoFindings: DemoFinding[] = [
  {
    id: "demo-finding-01",
    networkId: "demo-net-mechatronics",
    authorEmail: MECH_COORD,
    title: "Gemeinsame Lernaufgaben brauchen einen abgestimmten Kompetenzvergleich",
    body: paras(
      "In unserer ersten bilateralen Lernaufgabe haben Mechatronik-Azubis aus Augsburg und Modena gemeinsam eine Antriebsachse in Betrieb genommen – die Hälfte der Arbeit vor Ort, die Hälfte in Videokonferenzen.",
      "Fachlich lief es gut. Schwierig war die Bewertung: Der deutsche Ausbildungsrahmenplan und das italienische Qualifikationsprofil beschreiben ähnliche Tätigkeiten mit ganz unterschiedlichen Begriffen. Wir haben deshalb eine Vergleichstabelle angelegt:",
      "- links die Lernfelder und Positionen aus dem Ausbildungsrahmenplan\n- rechts die Kompetenzen aus dem italienischen Profil\n- in der Mitte die konkreten Arbeitsschritte der Lernaufgabe",
      "Unsere Erkenntnis: Ohne diese Übersetzungsarbeit vorab wissen Ausbilder/-innen auf beiden Seiten nicht, was sie beobachten und bestätigen sollen. Die Zeit dafür muss in den Betrieben eingeplant werden.",
    ),
    actionAreas: ["workBasedLearning", "cooperation"],
    occupationalFields: ["mechatronics"],
    themes: ["digitalisation", "skilledWorkers"],
    country: "both",
    evidence: [gp("demo-gp-05"), gp("demo-gp-01"), BIBB],
    pinned: true,
    comments: [
      {
        authorEmail: GREEN_IT,
        body: "Molto utile. Anche nelle nostre prove con le pompe di calore i tutor italiani non sapevano bene cosa valutare. Potete condividere il modello della tabella di confronto?",
      },
      {
        authorEmail: FASH_DE,
        body: "In der Textilausbildung haben wir dasselbe Problem, die Berufsprofile unterscheiden sich noch stärker. Wäre eine gemeinsame Vorlage für solche Vergleiche ein Thema für das Netzwerk der Netzwerke?",
      },
    ],
  },
  {
    id: "demo-finding-02",
    networkId: "demo-net-mechatronics",
    authorEmail: MECH_IT,
    title: "Il tutor aziendale è la chiave dello scambio",
    body: paras(
      "Quest'anno la nostra azienda di Modena ha accolto per tre settimane due apprendisti tedeschi. Il risultato dipendeva quasi tutto da una persona: il tutor aziendale che li seguiva in reparto.",
      "In Italia il tutor dell'apprendistato spesso ha poco tempo riservato alla formazione e pochi strumenti per farlo. In Germania abbiamo visto che anche le \"ausbildende Fachkräfte\", cioè i lavoratori che affiancano gli apprendisti, vengono sempre più formati in modo mirato.",
      "Proponiamo un breve percorso comune per tutor italiani e formatori tedeschi:\n- come preparare un compito di apprendimento condiviso\n- come dare un feedback a un apprendista straniero\n- come documentare ciò che è stato appreso",
      "Questo si collega alla tabella di confronto proposta nel risultato sulle attività comuni della nostra rete.",
    ),
    actionAreas: ["workBasedLearning", "companyEngagement"],
    occupationalFields: ["mechatronics"],
    themes: ["skilledWorkers"],
    country: "both",
    evidence: [fd("demo-finding-01"), gp("demo-gp-08"), gp("demo-gp-02"), INAPP],
    pinned: false,
    comments: [
      {
        authorEmail: LOG_COORD,
        body: "Das deckt sich mit unseren Erfahrungen im Hamburger Hafen: Ausbildende Fachkräfte im Lager haben kaum feste Zeit für Azubis. Ein kurzes gemeinsames Modul würden wir gern mit erproben.",
      },
    ],
  },
  {
    id: "demo-finding-03",
    networkId: "demo-net-green",
    authorEmail: GREEN_COORD,
    title: "Zusatzqualifikation Wärmepumpe: Kleinbetriebe brauchen kurze, anrechenbare Module",
    body: paras(
      "Unsere Innungsbetriebe im Ruhrgebiet haben meist zwei bis acht Beschäftigte. Einen Azubi für einen mehrwöchigen Lehrgang freizustellen, ist für sie kaum machbar – gerade in der Hauptsaison für Solar- und Wärmepumpenmontagen.",
      "Gut angenommen wurden dagegen Bausteine von etwa 40 Stunden in der überbetrieblichen Bildungsstätte, verteilt über mehrere Monate. Entscheidend war für die Betriebe, dass die Bausteine später auf die Meisterfortbildung angerechnet werden können.",
      "Ähnliche modulare, aufeinander aufbauende Angebote gibt es bereits im Elektrohandwerk. Wir möchten mit den Partnern in der Toskana prüfen, ob solche Module auch dort als Teil einer Qualifikation bestätigt werden könnten.",
    ),
    actionAreas: ["smallEnterprises", "workBasedLearning"],
    occupationalFields: ["greenEnergy"],
    themes: ["skilledWorkers"],
    country: "DE",
    evidence: [gp("demo-gp-03"), gp("demo-gp-06")],
    pinned: false,
    comments: [
      {
        authorEmail: FASH_COORD,
        body: "Stesso problema nelle microimprese della pelle: un corso lungo significa perdere una persona in bottega per settimane. Moduli brevi e riconosciuti sarebbero utili anche da noi.",
      },
    ],
  },
  {
    id: "demo-finding-04",
    networkId: "demo-net-green",
    authorEmail: GREEN_IT,
    title: "Pompe di calore: i giovani scelgono l'impiantistica se la vedono da vicino",
    body: paras(
      "Con CNA e la Regione abbiamo organizzato a Prato tre pomeriggi di \"bottega aperta\" per le classi terze delle scuole medie: gli studenti hanno montato un piccolo impianto solare e misurato il rendimento di una pompa di calore.",
      "Su circa 60 partecipanti, nove hanno chiesto uno stage estivo e due ragazze si sono iscritte a un percorso di impiantistica. Più dei volantini, ha convinto il contatto diretto con apprendisti di pochi anni più grandi.",
      "Per le imprese artigiane l'impegno è stato contenuto (mezza giornata ciascuna), ma serve qualcuno che coordini scuole e aziende. Nella nostra rete questo ruolo lo ha preso l'associazione di categoria.",
    ),
    actionAreas: ["companyEngagement", "cooperation"],
    occupationalFields: ["greenEnergy"],
    themes: ["careerGuidance", "imageOfDualVet"],
    country: "IT",
    evidence: [gp("demo-gp-01"), INAPP],
    pinned: false,
    comments: [
      {
        authorEmail: HOSP_DE,
        body: "Offene Werkstatttage funktionieren bei uns auch – in der Hotelküche. Wichtig war, dass die Azubis selbst durch den Tag führen und nicht die Chefs.",
      },
    ],
  },
  {
    id: "demo-finding-05",
    networkId: "demo-net-hospitality",
    authorEmail: HOSP_COORD,
    title: "Tirocini di scambio: cosa abbiamo imparato dalla prima stagione",
    body: paras(
      "Nella prima stagione otto apprendisti hanno lavorato per quattro settimane nella struttura partner: quattro dal Lago di Costanza in Trentino e quattro dal Trentino sul Lago di Costanza.",
      "Il lavoro in cucina e in sala ha funzionato bene. I problemi sono stati soprattutto organizzativi:\n- trovare un alloggio a prezzi sostenibili in alta stagione\n- chiarire l'assicurazione e l'esonero dalle lezioni a scuola\n- far riconoscere le settimane all'estero nel percorso di formazione",
      "Gli apprendisti chiedono una breve preparazione linguistica prima della partenza. I tutor chiedono una scheda comune che indichi quali competenze vengono esercitate durante lo scambio.",
    ),
    actionAreas: ["cooperation", "workBasedLearning"],
    occupationalFields: ["hospitality"],
    themes: ["imageOfDualVet", "skilledWorkers"],
    country: "both",
    evidence: [gp("demo-gp-04"), NA_BIBB],
    pinned: false,
    comments: [
      {
        authorEmail: MECH_COORD,
        body: "Die Frage der Anrechnung kennen wir gut. Wir haben mit der IHK eine kurze Bestätigung vereinbart, welche Ausbildungsinhalte im Ausland abgedeckt wurden – die Vorlage teilen wir gern.",
      },
      {
        authorEmail: LOG_IT,
        body: "Per l'alloggio a Salerno abbiamo trovato una soluzione con un convitto scolastico nei mesi estivi. Forse è possibile anche in Trentino?",
      },
    ],
  },
  {
    id: "demo-finding-06",
    networkId: "demo-net-hospitality",
    authorEmail: HOSP_DE,
    title: "Sozialpartner früh einbinden: ein Runder Tisch zur Ausbildungsqualität im Gastgewerbe",
    body: paras(
      "Viele Azubis im Gastgewerbe brechen im ersten Jahr ab; als Gründe nennen sie oft Arbeitszeiten und fehlende Anleitung. Am Bodensee haben wir deshalb einen Runden Tisch mit Hotels, DEHOGA, Berufsschule und Gewerkschaftsvertretung eingerichtet.",
      "Vereinbart wurden einfache Regeln: feste Ansprechperson für jeden Azubi, Dienstpläne mindestens zwei Wochen im Voraus und ein kurzes Feedbackgespräch pro Quartal. Die Austauschpraktika mit dem Trentino (siehe Erkenntnis der Kolleg:innen aus Riva und Rovereto) sind dort als Anreiz für gute Ausbildungsbetriebe aufgenommen worden.",
      "Unser Eindruck nach einem Jahr: Wenn die Sozialpartner gemeinsam auftreten, nehmen Betriebe die Regeln ernster als bei Appellen einer einzelnen Seite.",
    ),
    actionAreas: ["cooperation", "companyEngagement"],
    occupationalFields: ["hospitality"],
    themes: ["imageOfDualVet", "skilledWorkers"],
    country: "DE",
    evidence: [fd("demo-finding-05"), BIBB],
    pinned: false,
    comments: [],
  },
  {
    id: "demo-finding-07",
    networkId: "demo-net-fashion",
    authorEmail: FASH_COORD,
    title: "Microimprese della pelle: formare senza un ufficio del personale",
    body: paras(
      "Le pelletterie del comasco hanno spesso tra tre e dieci addetti. Sarebbero disposte ad assumere apprendisti, ma nessuno in azienda ha il tempo di occuparsi di contratti, piani formativi e rapporti con la scuola.",
      "Con la Regione e il sindacato abbiamo sperimentato uno \"sportello formazione\" condiviso che si occupa di:\n- preparare il piano formativo individuale insieme all'artigiano\n- tenere i contatti con il centro di formazione\n- ricordare scadenze e adempimenti",
      "In sei mesi quattro microimprese hanno attivato per la prima volta un contratto di apprendistato. Il nodo aperto resta il finanziamento stabile dello sportello dopo la fase di prova.",
    ),
    actionAreas: ["smallEnterprises", "cooperation"],
    occupationalFields: ["textileCrafts", "fashion"],
    themes: ["skilledWorkers"],
    country: "IT",
    evidence: [INAPP],
    pinned: false,
    comments: [
      {
        authorEmail: GREEN_COORD,
        body: "Eine zentrale Anlaufstelle für die Formalitäten würde auch vielen kleinen SHK-Betrieben bei uns helfen. Wer trägt bei euch die Kosten, und ist das Sportello auch für Betriebe anderer Branchen offen?",
      },
    ],
  },
  {
    id: "demo-finding-08",
    networkId: "demo-net-fashion",
    authorEmail: FASH_DE,
    title: "Digitale Stickprogramme: Ausbildungsinhalte, die Kleinbetriebe allein nicht abdecken",
    body: paras(
      "In der Spitzen- und Stickereiherstellung im Vogtland arbeiten inzwischen fast alle Betriebe mit computergesteuerten Stickmaschinen und digitalen Musterprogrammen. Viele kleine Manufakturen haben aber nur eine ältere Anlage – die Azubis lernen dort nicht die ganze Bandbreite.",
      "Mit dem Beruflichen Schulzentrum in Reichenbach haben wir ein Lernlabor eingerichtet, das mehrere Betriebe gemeinsam nutzen. Kurze digitale Lerneinheiten bereiten die Azubis auf die Laborzeit vor, sodass sie an der Maschine direkt üben können.",
      "Besonders profitiert haben Quereinsteigerinnen und zwei Azubis mit Fluchtgeschichte, die sich mit den Videoanleitungen im eigenen Tempo vorbereiten konnten.",
    ),
    actionAreas: ["smallEnterprises", "workBasedLearning"],
    occupationalFields: ["textileCrafts"],
    themes: ["digitalisation", "diversityInclusion"],
    country: "DE",
    evidence: [gp("demo-gp-08"), gp("demo-gp-01")],
    pinned: false,
    comments: [
      {
        authorEmail: MECH_IT,
        body: "Anche in meccatronica le macchine più moderne sono solo nelle aziende grandi. Un laboratorio condiviso tra scuola e imprese ci sembra un modello da portare anche in Emilia.",
      },
    ],
  },
  {
    id: "demo-finding-09",
    networkId: "demo-net-logistics",
    authorEmail: LOG_COORD,
    title: "Lernortkooperation im Hafen: Betriebe gewinnen, die bisher nicht ausbilden",
    body: paras(
      "Viele kleinere Speditionen in Hamburg bilden nicht aus, weil sie nur einen Teil der Ausbildungsinhalte selbst abdecken können – etwa Zollabwicklung, aber keine Lagerlogistik.",
      "Mit der Handelskammer und der Berufsschule haben wir einen Ausbildungsverbund aufgebaut: Azubis wechseln für festgelegte Abschnitte zwischen einem größeren Logistikbetrieb und zwei kleinen Speditionen. Die Berufsschule stimmt ihre Lernfelder auf diese Abschnitte ab.",
      "Im ersten Jahrgang haben drei Betriebe erstmals ausgebildet. Wichtig war eine Person, die Einsatzpläne koordiniert und bei Konflikten vermittelt; ohne diese Stelle wäre der Verbund nicht zustande gekommen.",
    ),
    actionAreas: ["companyEngagement", "smallEnterprises", "cooperation"],
    occupationalFields: ["logistics"],
    themes: ["skilledWorkers"],
    country: "DE",
    evidence: [gp("demo-gp-09"), gp("demo-gp-10"), GOVET],
    pinned: false,
    comments: [
      {
        authorEmail: HOSP_COORD,
        body: "Il modello del consorzio formativo interessa anche ai piccoli alberghi. Come dividete i costi della persona che coordina tra le aziende?",
      },
    ],
  },
  {
    id: "demo-finding-10",
    networkId: "demo-net-logistics",
    authorEmail: LOG_IT,
    title: "Digitalizzazione nelle spedizioni: cosa chiedono le aziende di Salerno",
    body: paras(
      "Abbiamo intervistato dodici spedizionieri e operatori portuali della provincia di Salerno sulle competenze che mancano ai giovani assunti.",
      "Le richieste più frequenti:\n- uso dei sistemi doganali e dei portali telematici\n- lettura e controllo di dati di tracciamento\n- nozioni di base di analisi dei dati per la pianificazione dei trasporti",
      "Quasi nessuna azienda riesce a insegnare questi contenuti da sola. Proponiamo moduli digitali brevi, da svolgere durante l'apprendistato e riconoscibili anche nella formazione continua, come avviene in alcuni progetti tedeschi sull'intelligenza artificiale nella formazione professionale.",
    ),
    actionAreas: ["workBasedLearning", "smallEnterprises"],
    occupationalFields: ["logistics"],
    themes: ["digitalisation", "skilledWorkers"],
    country: "IT",
    evidence: [gp("demo-gp-07"), CEDEFOP],
    pinned: false,
    comments: [],
  },
];

export const demoRecommendations: DemoRecommendation[] = [
  {
    id: "demo-rec-01",
    title: "Austauschpraktika für Auszubildende zwischen Deutschland und Italien verlässlich ermöglichen",
    creatorEmail: HOSP_DE,
    paragraphs: [
      "Die Erfahrungen aus den Modell-Netzwerken zeigen: Betriebe und Auszubildende sind an Austauschpraktika im Partnerland interessiert. Sie scheitern seltener am fachlichen Inhalt als an organisatorischen Fragen – Unterkunft, Versicherung, Freistellung vom Berufsschulunterricht und vor allem die Anrechnung der Zeit im Ausland.",
      "Wir empfehlen eine gemeinsame deutsch-italienische Vorlage für Lernvereinbarungen. Sie hält vor dem Austausch fest, welche Inhalte des Ausbildungsrahmenplans beziehungsweise des italienischen Qualifikationsprofils im Partnerbetrieb geübt werden. Kammern und zuständige Stellen auf beiden Seiten sollten diese Vorlage anerkennen, damit die Zeit im Ausland ohne Einzelfallprüfung auf die Ausbildung angerechnet wird.",
      "Für die Betreuung sollten Tandems aus deutschem Ausbildungspersonal und italienischen Tutor:innen gebildet werden, die sich vorab kennenlernen und eine kurze gemeinsame Vorbereitung erhalten. Auszubildende sollten vor der Abreise ein kompaktes Sprach- und Landeskundemodul besuchen können.",
      "Schließlich regen wir an, bestehende Förderprogramme für kurze Aufenthalte gerade kleiner Betriebe leichter zugänglich zu machen und in jedem Land eine Kontaktstelle zu benennen, die bei Unterkunft und Formalitäten hilft.",
    ],
    citations: [
      { kind: "finding", targetId: "demo-finding-05" },
      { kind: "finding", targetId: "demo-finding-01" },
      { kind: "finding", targetId: "demo-finding-02" },
      { kind: "goodPractice", targetId: "demo-gp-04" },
    ],
    endorsements: [
      {
        networkId: "demo-net-hospitality",
        coordinatorEmail: HOSP_COORD,
        statement: "La rete Gastgewerbe Bodensee – Trentino sostiene la raccomandazione: la nostra prima stagione di scambi mostra che servono regole comuni sul riconoscimento.",
      },
      { networkId: "demo-net-mechatronics", coordinatorEmail: MECH_COORD, statement: null },
    ],
    supports: [MECH_IT, HOSP_EN, GREEN_IT, LOG_EN],
    stage: "consultation",
    threshold: 3,
  },
  {
    id: "demo-rec-02",
    title: "Teilqualifikationen und digitale Lernbausteine in der dualen Ausbildung grenzüberschreitend anerkennen",
    creatorEmail: FASH_DE,
    paragraphs: [
      "Kleinst- und Kleinbetriebe in allen fünf Modell-Netzwerken stehen vor derselben Hürde: Sie können Auszubildende oder Beschäftigte nicht für lange Lehrgänge freistellen und decken einzelne Ausbildungsinhalte, etwa neue digitale Verfahren, nicht selbst ab. Kurze, in sich abgeschlossene Lernbausteine werden gut angenommen – aber nur, wenn sie später auch zählen.",
      "Wir empfehlen, dass Deutschland und Italien gemeinsam einen Rahmen entwickeln, in dem abgegrenzte Teilqualifikationen und Module beschrieben und gegenseitig anerkannt werden. Anknüpfungspunkte sind die Fortbildungsstufen nach dem Berufsbildungsgesetz und die Beschreibungen im italienischen Atlante del lavoro e delle qualificazioni.",
      "Digitale Lernbausteine, die Berufsschulen, Bildungszentren und Betriebe gemeinsam entwickeln, sollten zweisprachig bereitgestellt und über die Grenze hinweg genutzt werden können. Geteilte Lernlabore und Lernplattformen helfen gerade den Betrieben, die moderne Anlagen nicht selbst vorhalten.",
      "Damit die Bausteine wirken, braucht es feste Ansprechpersonen, die kleine Betriebe bei Planung und Formalitäten entlasten, sowie eine Qualifizierung des Ausbildungspersonals für digitales und begleitetes Lernen.",
    ],
    citations: [
      { kind: "finding", targetId: "demo-finding-03" },
      { kind: "finding", targetId: "demo-finding-07" },
      { kind: "finding", targetId: "demo-finding-08" },
      { kind: "finding", targetId: "demo-finding-10" },
      { kind: "goodPractice", targetId: "demo-gp-03" },
      { kind: "goodPractice", targetId: "demo-gp-06" },
      { kind: "goodPractice", targetId: "demo-gp-07" },
      { kind: "goodPractice", targetId: "demo-gp-08" },
    ],
    endorsements: [
      {
        networkId: "demo-net-green",
        coordinatorEmail: GREEN_COORD,
        statement: "Kurze, anrechenbare Module sind für unsere Handwerksbetriebe der entscheidende Punkt, um überhaupt auszubilden.",
      },
      {
        networkId: "demo-net-fashion",
        coordinatorEmail: FASH_COORD,
        statement: "Per le microimprese tessili e della pelle il riconoscimento dei singoli moduli è essenziale.",
      },
      { networkId: "demo-net-logistics", coordinatorEmail: LOG_COORD, statement: null },
    ],
    supports: [FASH_EN, GREEN_IT, LOG_IT, MECH_EN, HOSP_DE],
    stage: "submitted",
    threshold: 3,
  },
];
