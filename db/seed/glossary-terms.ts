/**
 * Starting content of the shared VET glossary: the platform's own vocabulary (DOMAIN.md) and the
 * core concepts of dual VET in Germany and Italy, each in German, Italian and English. Not demo
 * data: these entries are meant to stay. Facts about ConnActions and InnoVET come from the
 * project's call to action and the federal InnoVET brochure (shared/seeds); the rest is general
 * knowledge of the two systems, written anew.
 *
 * The notes carry what a translation hides: where a pair of terms names institutions or rules
 * that differ between the countries (the IHK and the Camera di commercio have different
 * mandates, an apprendista has an employment contract, an Italian Handwerkskammer does not exist).
 */
import type { GlossaryEntry } from "#shared/glossary/glossary-entry";

type Trio = readonly [de: string, it: string, en: string];

const NO_NOTE: Trio = ["", "", ""];

function term(terms: Trio, definition: Trio, note: Trio = NO_NOTE): GlossaryEntry {
  const [de, it, en] = terms;
  return {
    terms: { de, it, en },
    definition: { de: definition[0], it: definition[1], en: definition[2] },
    note: { de: note[0], it: note[1], en: note[2] },
  };
}

/** The project and its networks (the vocabulary table of DOMAIN.md comes first). */
const PROJECT: GlossaryEntry[] = [
  term(
    ["Modell-Netzwerk", "rete modello", "model network"],
    [
      "Bilaterale Partnerschaft von Berufsbildungsakteuren aus Deutschland und Italien, mindestens drei je Land, öffentliche und private gemischt, die im Projekt ConnActions ein gemeinsames Arbeitsprogramm umsetzt.",
      "Partenariato bilaterale di attori della formazione professionale di Germania e Italia, almeno tre per paese, pubblici e privati insieme, che nel progetto ConnActions realizza un programma di lavoro comune.",
      "Bilateral partnership of VET actors from Germany and Italy, at least three per country, public and private mixed, that carries out a joint work programme in the ConnActions project.",
    ],
  ),
  term(
    ["Netzwerk der Netzwerke", "rete delle reti", "network of networks"],
    [
      "Austausch aller fünf Modell-Netzwerke: Sie teilen Erfahrungen und Erkenntnisse und leiten daraus übergreifende Handlungsempfehlungen ab.",
      "Scambio tra tutte e cinque le reti modello: condividono esperienze e risultati e ne ricavano raccomandazioni operative trasversali.",
      "Exchange among all five model networks: they share experience and findings and derive overarching recommendations for action from them.",
    ],
  ),
  term(
    ["Arbeitsprogramm", "programma di lavoro", "work programme"],
    [
      "Vereinbarter Plan eines Modell-Netzwerks mit Zielen, Aktivitäten, Zuständigkeiten, Zeitplan und Meilensteinen.",
      "Piano concordato di una rete modello con obiettivi, attività, responsabilità, calendario e tappe principali.",
      "Agreed plan of a model network setting out goals, activities, responsibilities, timeline and milestones.",
    ],
  ),
  term(
    ["Begleitgremium", "comitato di accompagnamento", "advisory board"],
    [
      "Gremium aus Ministerien und Fachagenturen, Sozialpartnern, Kammern und Regionen beider Länder, das die fünf Modell-Netzwerke auswählt und ihre Arbeit begleitet.",
      "Organo composto da ministeri e agenzie, parti sociali, camere e regioni dei due paesi che seleziona le cinque reti modello e ne accompagna il lavoro.",
      "Body of ministries and agencies, social partners, chambers and regions of both countries that selects the five model networks and follows their work.",
    ],
    [
      "Auch das Bundesprogramm InnoVET hat ein Begleitgremium; hier ist das von ConnActions gemeint.",
      "Anche il programma federale InnoVET ha un proprio comitato di accompagnamento; qui si intende quello di ConnActions.",
      "The federal InnoVET programme has an advisory board of its own; this entry means the one of ConnActions.",
    ],
  ),
  term(
    ["Erkenntnis", "risultato / evidenza", "finding"],
    [
      "Belegte Einsicht, die ein Netzwerk aus seiner Arbeit gewinnt und die anderen Netzwerken nützen kann.",
      "Conoscenza documentata che una rete ricava dal proprio lavoro e che può essere utile ad altre reti.",
      "Documented insight that a network gains from its work and that can be of use to other networks.",
    ],
    [
      "Gemeint ist kein Projektergebnis im Sinne eines Liefergegenstands (Deliverable).",
      "Non si intende un prodotto del progetto (deliverable).",
      "Not a project deliverable.",
    ],
  ),
  term(
    ["Handlungsempfehlung", "raccomandazione operativa", "recommendation for action"],
    [
      "Konkreter Vorschlag an Politik, Sozialpartner oder Berufsbildungspraxis, abgeleitet aus den Erkenntnissen mehrerer Netzwerke.",
      "Proposta concreta rivolta alla politica, alle parti sociali o alla pratica della formazione professionale, ricavata dai risultati di più reti.",
      "Concrete proposal to policy makers, social partners or VET practice, derived from the findings of several networks.",
    ],
  ),
  term(
    ["Studienreise", "viaggio di studio", "study trip"],
    [
      "Reise einer Gruppe ins Partnerland, um Betriebe, Schulen und Einrichtungen der Berufsbildung vor Ort kennenzulernen.",
      "Viaggio di un gruppo nel paese partner per conoscere sul posto aziende, scuole e istituzioni della formazione professionale.",
      "Visit by a group to the partner country to see companies, schools and VET institutions on site.",
    ],
    [
      "ConnActions übernimmt die Reisekosten, nicht aber die Personalkosten der Teilnehmenden.",
      "ConnActions copre le spese di viaggio, ma non i costi del personale dei partecipanti.",
      "ConnActions pays the travel costs, not the participants' staff time.",
    ],
  ),
  term(
    ["Fachkonferenz", "conferenza specialistica", "expert conference"],
    [
      "Veranstaltung, auf der Fachleute aus beiden Ländern Ergebnisse zu einem Berufsbildungsthema vorstellen und diskutieren.",
      "Evento in cui esperti dei due paesi presentano e discutono risultati su un tema della formazione professionale.",
      "Event at which experts from both countries present and discuss results on a VET topic.",
    ],
  ),
  term(
    ["Workshop / Seminar", "workshop / seminario", "workshop / seminar"],
    [
      "Arbeitstreffen in kleiner Gruppe: im Workshop wird gemeinsam etwas erarbeitet, im Seminar Wissen vermittelt und vertieft.",
      "Incontro di lavoro in piccolo gruppo: nel workshop si elabora qualcosa insieme, nel seminario si trasmettono e approfondiscono conoscenze.",
      "Working meeting in a small group: a workshop produces something together, a seminar conveys and deepens knowledge.",
    ],
  ),
  term(
    ["Dolmetschen", "interpretariato", "interpreting"],
    [
      "Mündliche Übertragung zwischen Sprachen bei Veranstaltungen, simultan oder konsekutiv.",
      "Trasposizione orale da una lingua all'altra durante gli eventi, in simultanea o in consecutiva.",
      "Oral rendering from one language into another at events, simultaneous or consecutive.",
    ],
    [
      "Nicht zu verwechseln mit Übersetzen (schriftlich). Im Projekt förderfähig; Kenntnisse der Partnersprache sind keine Teilnahmevoraussetzung.",
      "Da non confondere con la traduzione (scritta). È una spesa coperta dal progetto; conoscere la lingua del partner non è un requisito per partecipare.",
      "Not to be confused with translation (written). Eligible for project funding; knowing the partner's language is not a requirement for taking part.",
    ],
  ),
  term(
    ["Interessensbekundung", "manifestazione di interesse", "expression of interest"],
    [
      "Erste Meldung einer Gruppe von mindestens zwei Berufsbildungsakteuren, die in einem Modell-Netzwerk mitwirken will: Mitglieder, Erfahrung, Motivation und Projektidee.",
      "Prima candidatura di un gruppo di almeno due attori della formazione professionale che vuole partecipare a una rete modello: membri, esperienza, motivazione e idea progettuale.",
      "First application by a group of at least two VET actors wishing to join a model network: members, experience, motivation and project idea.",
    ],
  ),
  term(
    ["Ausbildungspersonal", "formatori aziendali", "training staff"],
    [
      "Alle, die im Betrieb Auszubildende anleiten: Ausbilderinnen und Ausbilder ebenso wie Fachkräfte, die neben ihrer Arbeit ausbilden.",
      "Tutte le persone che in azienda guidano gli apprendisti: i formatori e i tutor come pure i lavoratori qualificati che li affiancano nel lavoro.",
      "Everyone who guides apprentices in a company: trainers as well as skilled workers who train alongside their own job.",
    ],
    [
      "Seine Qualifizierung ist Teil des vierten Handlungsbereichs des Projekts (betriebliches Lernen professionalisieren).",
      "La loro qualificazione rientra nel quarto ambito d'azione del progetto (professionalizzare l'apprendimento in azienda).",
      "Enabling them is part of the project's fourth action area (professionalising work-based learning).",
    ],
  ),
  term(
    ["gute Praxis", "buona pratica", "good practice"],
    [
      "Erprobter Ansatz mit nachweisbaren Ergebnissen, der sich auf andere Kontexte übertragen lässt.",
      "Approccio sperimentato, con risultati dimostrabili, trasferibile ad altri contesti.",
      "Tried and tested approach with demonstrable results that can be transferred to other contexts.",
    ],
  ),
  term(
    ["Berufsbildungsakteur", "attore della formazione professionale", "VET actor"],
    [
      "Organisation, die Berufsbildung anbietet, gestaltet oder mitträgt: Unternehmen, Kammern, Gewerkschaften und Verbände, Schulen und Bildungsträger, öffentliche Stellen und Regionen.",
      "Organizzazione che offre, progetta o sostiene la formazione professionale: imprese, camere, sindacati e associazioni, scuole ed enti di formazione, enti pubblici e regioni.",
      "Organisation that provides, shapes or supports VET: companies, chambers, trade unions and associations, schools and training providers, public bodies and regions.",
    ],
  ),
  term(
    ["öffentlich-private Partnerschaft", "partenariato pubblico-privato", "public-private partnership"],
    [
      "Zusammenarbeit öffentlicher Einrichtungen und privatrechtlicher Organisationen in einem gemeinsamen Vorhaben.",
      "Collaborazione tra enti pubblici e organizzazioni di diritto privato in un progetto comune.",
      "Cooperation between public institutions and private-law organisations in a joint undertaking.",
    ],
    [
      "Im Projekt die geforderte Zusammensetzung jedes Modell-Netzwerks, nicht das Finanzierungsmodell für Infrastrukturprojekte.",
      "Nel progetto indica la composizione richiesta a ogni rete modello, non il modello di finanziamento delle infrastrutture.",
      "In the project this means the required make-up of every model network, not the financing model for infrastructure.",
    ],
  ),
  term(
    ["gemeinsame Absichtserklärung", "dichiarazione congiunta di intenti", "Joint Declaration of Intent (JDoI)"],
    [
      "Erklärung der zuständigen Ministerien Deutschlands und Italiens zur Zusammenarbeit in der Berufsbildung; ihre Unterzeichner setzen den strategischen Rahmen für ConnActions und sein Begleitgremium.",
      "Dichiarazione dei ministeri competenti di Germania e Italia sulla cooperazione nella formazione professionale; i firmatari definiscono il quadro strategico di ConnActions e del suo comitato di accompagnamento.",
      "Declaration by the responsible ministries of Germany and Italy on cooperation in VET; its signatories set the strategic frame for ConnActions and its advisory board.",
    ],
    [
      "Eine politische Absichtserklärung, kein völkerrechtlicher Vertrag.",
      "Una dichiarazione di intenti politica, non un trattato internazionale.",
      "A political statement of intent, not an international treaty.",
    ],
  ),
  term(
    ["InnoVET", "InnoVET", "InnoVET"],
    [
      "Wettbewerb des BMBF „Zukunft gestalten – Innovationen für eine exzellente berufliche Bildung“: 17 Verbundprojekte entwickelten 2020–2024 mit 82 Millionen Euro Förderung neue Angebote der Aus-, Fort- und Weiterbildung in sechs Themenclustern.",
      "Concorso del Ministero federale tedesco dell'istruzione e della ricerca (BMBF) «Zukunft gestalten – Innovationen für eine exzellente berufliche Bildung»: 17 progetti in partenariato, finanziati con 82 milioni di euro, hanno sviluppato dal 2020 al 2024 nuove offerte di formazione iniziale, superiore e continua in sei aree tematiche.",
      "Competition of the German federal education ministry (BMBF), \"Zukunft gestalten – Innovationen für eine exzellente berufliche Bildung\": from 2020 to 2024, 17 joint projects funded with €82 million developed new initial, advanced and continuing training in six thematic clusters.",
    ],
    [
      "Die Projekte sind auf der Plattform Beispiele guter Praxis.",
      "Sulla piattaforma i progetti servono da esempi di buona pratica.",
      "On the platform the projects serve as examples of good practice.",
    ],
  ),
  term(
    ["Erasmus+", "Erasmus+", "Erasmus+"],
    [
      "Programm der EU für allgemeine und berufliche Bildung, Jugend und Sport; fördert in der Berufsbildung u. a. Auslandsaufenthalte von Lernenden und Ausbildungspersonal sowie Kooperationspartnerschaften.",
      "Programma dell'UE per l'istruzione, la formazione, la gioventù e lo sport; nella formazione professionale finanzia tra l'altro la mobilità all'estero di discenti e formatori e i partenariati di cooperazione.",
      "EU programme for education, training, youth and sport; in VET it funds, among other things, stays abroad for learners and staff and cooperation partnerships.",
    ],
    [
      "Nationale Agentur für die Berufsbildung ist in Deutschland die NA beim BIBB, in Italien INAPP.",
      "L'agenzia nazionale per la formazione professionale è in Germania la NA presso il BIBB, in Italia l'INAPP.",
      "The national agency for VET is the NA at BIBB in Germany and INAPP in Italy.",
    ],
  ),
];

/** Dual VET: places, people, contracts. */
const DUAL_VET: GlossaryEntry[] = [
  term(
    ["duale Ausbildung", "formazione duale", "dual VET"],
    [
      "Berufsausbildung, die das Lernen im Betrieb planmäßig mit dem Lernen in einer Schule oder Bildungseinrichtung verbindet.",
      "Formazione professionale che unisce in modo sistematico l'apprendimento in azienda e quello in una scuola o in un ente di formazione.",
      "Vocational education and training that systematically combines learning in a company with learning at a school or training centre.",
    ],
    [
      "In Deutschland: anerkannter Ausbildungsberuf, Ausbildungsvertrag mit dem Betrieb, Teilzeitunterricht in der Berufsschule, Prüfung vor der Kammer. In Italien umfasst der „sistema duale“ mehrere Formen, vor allem in der regionalen IeFP (verstärkte Alternanz, simuliertes Unternehmen, apprendistato); nur das apprendistato beruht auf einem Arbeitsvertrag. Italienisch auch „apprendistato duale“, englisch auch „apprenticeship“.",
      "In Germania: professione riconosciuta, contratto di formazione con l'azienda, lezioni a tempo parziale nella scuola professionale, esame presso la camera. In Italia il «sistema duale» comprende più forme, soprattutto nella IeFP regionale (alternanza rafforzata, impresa formativa simulata, apprendistato); solo l'apprendistato si basa su un contratto di lavoro. Si dice anche «apprendistato duale».",
      "In Germany: recognised occupation, training contract with the company, part-time classes at the vocational school, examination before the chamber. In Italy the \"sistema duale\" covers several forms, mainly in regional IeFP (reinforced alternance, simulated enterprise, apprenticeship); only apprenticeship rests on an employment contract. Also called \"apprenticeship\"; Italian also \"apprendistato duale\".",
    ],
  ),
  term(
    ["Ausbildungsbetrieb", "azienda formatrice", "training company"],
    [
      "Unternehmen, das Auszubildende im eigenen Betrieb ausbildet und dafür geeignetes Personal und geeignete Einrichtungen bereitstellt.",
      "Impresa che forma apprendisti al proprio interno e mette a disposizione personale e ambienti idonei.",
      "Company that trains apprentices on its own premises and provides suitable staff and facilities.",
    ],
    [
      "In Deutschland überwacht die zuständige Stelle (meist die Kammer), ob Ausbildungsstätte und Ausbildungspersonal geeignet sind. Beim italienischen apprendistato ist schlicht vom Arbeitgeber (datore di lavoro) die Rede; bei Praktika und PCTO von der „azienda ospitante“.",
      "In Germania l'ente competente (di solito la camera) vigila sull'idoneità del luogo di formazione e del personale formatore. Nell'apprendistato italiano si parla semplicemente di datore di lavoro; per tirocini e PCTO di «azienda ospitante».",
      "In Germany the competent body (usually the chamber) checks that the training place and training staff are suitable. Italian apprenticeship law simply speaks of the employer (datore di lavoro); for placements and PCTO Italian says \"azienda ospitante\" (host company).",
    ],
  ),
  term(
    ["Auszubildende(r)", "apprendista", "apprentice"],
    [
      "Person, die einen Beruf im Betrieb und in der Schule erlernt und dafür eine Vergütung erhält.",
      "Persona che impara un mestiere in azienda e a scuola e per questo riceve una retribuzione.",
      "Person learning an occupation in a company and at school and paid for doing so.",
    ],
    [
      "In Deutschland ein befristetes Ausbildungsverhältnis, das mit der bestandenen Abschlussprüfung endet; umgangssprachlich „Azubi“, im Handwerk auch „Lehrling“. In Italien ist das apprendistato ein unbefristeter Arbeitsvertrag mit Ausbildungsanteil: Kündigt keine Seite am Ende der Ausbildungszeit, läuft das Arbeitsverhältnis weiter.",
      "In Germania un rapporto di formazione a termine che si conclude con il superamento dell'esame finale; familiarmente «Azubi», nell'artigianato anche «Lehrling». In Italia l'apprendistato è un contratto di lavoro a tempo indeterminato con una componente formativa: se nessuna delle parti recede al termine del periodo formativo, il rapporto prosegue.",
      "In Germany a fixed-term training relationship that ends when the final examination is passed; colloquially \"Azubi\", in the crafts also \"Lehrling\". In Italy apprenticeship is an open-ended employment contract with a training component: if neither side gives notice when the training period ends, the employment continues.",
    ],
  ),
  term(
    ["Ausbildungsvertrag", "contratto di apprendistato", "training contract"],
    [
      "Vertrag zwischen Betrieb und Auszubildender oder Auszubildendem über Ziel, Dauer, Inhalte, Arbeitszeit und Vergütung der Ausbildung.",
      "Contratto tra azienda e apprendista che stabilisce obiettivo, durata, contenuti, orario e retribuzione della formazione.",
      "Contract between a company and an apprentice setting out the aim, duration, content, working hours and pay of the training.",
    ],
    [
      "Deutschland: Berufsausbildungsvertrag nach dem BBiG, den die zuständige Stelle (Kammer) in ihr Verzeichnis der Berufsausbildungsverhältnisse einträgt. Italien: ein Arbeitsvertrag mit individuellem Ausbildungsplan (piano formativo individuale); beim apprendistato di primo livello schließt der Betrieb zusätzlich eine Vereinbarung (protocollo) mit der Bildungseinrichtung.",
      "Germania: contratto di formazione ai sensi della BBiG, iscritto dall'ente competente (la camera) nel proprio registro dei rapporti di formazione. Italia: contratto di lavoro con piano formativo individuale; nell'apprendistato di primo livello l'azienda sottoscrive inoltre un protocollo con l'istituzione formativa.",
      "Germany: training contract under the BBiG, entered by the competent body (the chamber) in its register of training relationships. Italy: an employment contract with an individual training plan (piano formativo individuale); for first-level apprenticeship the company also signs an agreement (protocollo) with the school or training centre.",
    ],
  ),
  term(
    ["individueller Ausbildungsplan", "piano formativo individuale (PFI)", "individual training plan"],
    [
      "Plan, der Inhalte und zeitlichen Ablauf der betrieblichen Ausbildung einer bestimmten Person festlegt.",
      "Piano che stabilisce contenuti e tempi della formazione in azienda di una determinata persona.",
      "Plan setting out the content and timing of one person's in-company training.",
    ],
    [
      "In Italien Pflichtbestandteil des Lehrvertrags. In Deutschland entspricht ihm der betriebliche Ausbildungsplan, den der Betrieb aus dem Ausbildungsrahmenplan ableitet und dem Ausbildungsvertrag beifügt.",
      "In Italia è parte obbligatoria del contratto di apprendistato. In Germania vi corrisponde il piano di formazione aziendale, che l'azienda ricava dal piano quadro del regolamento di formazione e allega al contratto.",
      "In Italy a compulsory part of the apprenticeship contract. The German counterpart is the company training plan, which the company derives from the framework training plan and attaches to the training contract.",
    ],
  ),
  term(
    ["Ausbildungsvergütung", "retribuzione dell'apprendista", "apprentice pay"],
    [
      "Vergütung, die der Betrieb der oder dem Auszubildenden monatlich zahlt.",
      "Compenso che l'azienda corrisponde mensilmente all'apprendista.",
      "Pay that the company gives the apprentice every month.",
    ],
    [
      "Deutschland: steigt mit jedem Ausbildungsjahr; seit 2020 gilt eine gesetzliche Mindestausbildungsvergütung, tarifliche Regelungen haben Vorrang. Italien: vom Tarifvertrag bestimmt (niedrigere Einstufung oder Prozentsatz des Lohns); beim apprendistato di primo livello sind die Stunden in der Bildungseinrichtung unbezahlt und die Ausbildungsstunden im Betrieb mit 10 % vergütet, sofern Tarifverträge nichts anderes vorsehen.",
      "Germania: cresce a ogni anno di formazione; dal 2020 vale un compenso minimo previsto dalla legge, le norme dei contratti collettivi hanno la precedenza. Italia: stabilita dal contratto collettivo (sottoinquadramento o percentuale della retribuzione); nell'apprendistato di primo livello le ore presso l'istituzione formativa non sono retribuite e le ore di formazione in azienda lo sono al 10 %, salvo diverse previsioni dei contratti collettivi.",
      "Germany: rises with each year of training; since 2020 a statutory minimum applies, with collective agreements taking precedence. Italy: set by the collective agreement (a lower grade or a percentage of the wage); in first-level apprenticeship the hours at the school or training centre are unpaid and in-company training hours are paid at 10 %, unless collective agreements provide otherwise.",
    ],
  ),
  term(
    ["Ausbilder(in)", "tutor aziendale", "in-company trainer"],
    [
      "Person, die im Betrieb für die Ausbildung verantwortlich ist, sie plant und die Auszubildenden anleitet.",
      "Persona che in azienda è responsabile della formazione dell'apprendista, la pianifica e lo guida.",
      "Person responsible in the company for planning the training and guiding the apprentices.",
    ],
    [
      "Deutschland: muss persönlich und fachlich geeignet sein; die berufs- und arbeitspädagogische Eignung wird meist mit der Prüfung nach der Ausbilder-Eignungsverordnung (AEVO) vor der Kammer nachgewiesen. Italien: beim apprendistato ist ein tutor aziendale vorgeschrieben; die Anforderungen regeln Gesetz, Tarifverträge und Regionen, eine landesweite Eignungsprüfung wie die AEVO gibt es nicht.",
      "Germania: deve possedere idoneità personale e professionale; quella pedagogica si dimostra di solito con l'esame previsto dal regolamento sull'idoneità dei formatori (AEVO) presso la camera. Italia: nell'apprendistato il tutor aziendale è obbligatorio; i requisiti sono fissati da legge, contratti collettivi e regioni, senza un esame nazionale di idoneità paragonabile all'AEVO.",
      "Germany: must be personally and professionally suitable; the teaching aptitude is usually proven by the examination under the Trainer Aptitude Regulation (AEVO) before the chamber. Italy: a company tutor is compulsory in apprenticeship; requirements are set by law, collective agreements and the regions, with no national aptitude examination comparable to the AEVO.",
    ],
  ),
  term(
    ["Berufsschule", "istituto professionale", "vocational school"],
    [
      "Schule, die berufsbezogenen und allgemeinbildenden Unterricht für einen Beruf oder ein Berufsfeld erteilt.",
      "Scuola che impartisce un insegnamento professionale e generale per un mestiere o un settore professionale.",
      "School providing vocational and general education for an occupation or occupational field.",
    ],
    [
      "Nur annähernd gleichwertig. Die deutsche Berufsschule ist der schulische Lernort der dualen Ausbildung, mit Teilzeitunterricht an ein bis zwei Tagen pro Woche oder in Blöcken. In Italien gibt es mehrere schulische Wege, meist in Vollzeit mit Praxisphasen: die staatlichen istituti professionali (IP, fünf Jahre, diploma di istruzione professionale), die regionalen IeFP-Bildungsgänge (qualifica nach drei, diploma professionale nach vier Jahren) und auf tertiärer Ebene die ITS Academy.",
      "Equivalenza solo approssimativa. La Berufsschule tedesca è il luogo di apprendimento scolastico della formazione duale, con lezioni a tempo parziale uno o due giorni a settimana o a blocchi. In Italia i percorsi scolastici sono diversi, di norma a tempo pieno con periodi di pratica: gli istituti professionali statali (IP, cinque anni, diploma di istruzione professionale), i percorsi regionali di IeFP (qualifica dopo tre anni, diploma professionale dopo quattro) e, a livello terziario, gli ITS Academy.",
      "Only roughly equivalent. The German Berufsschule is the school-based learning venue of dual VET, with part-time classes one or two days a week or in blocks. Italy has several school-based routes, mostly full-time with work placements: the state istituti professionali (IP, five years, diploma di istruzione professionale), regional IeFP programmes (qualifica after three years, diploma professionale after four) and, at tertiary level, the ITS Academies.",
    ],
  ),
  term(
    ["Lernortkooperation", "cooperazione tra luoghi di apprendimento", "cooperation between learning venues"],
    [
      "Abgestimmte Zusammenarbeit der Lernorte einer Ausbildung, vor allem von Betrieb und Berufsschule, aber auch überbetrieblichen Bildungsstätten und Hochschulen.",
      "Collaborazione coordinata tra i luoghi di apprendimento di un percorso, soprattutto azienda e scuola, ma anche centri di formazione interaziendali e università.",
      "Coordinated cooperation between the learning venues of a training programme, above all company and vocational school, but also inter-company training centres and universities.",
    ],
    [
      "Eines der sechs Themencluster von InnoVET.",
      "Una delle sei aree tematiche di InnoVET.",
      "One of the six thematic clusters of InnoVET.",
    ],
  ),
  term(
    ["überbetriebliche Berufsbildungsstätte (ÜBS)", "centro di formazione interaziendale", "inter-company training centre"],
    [
      "Bildungszentrum, meist von Kammern, Innungen oder Verbänden getragen, in dem Auszubildende lernen, was ihr Betrieb allein nicht vermitteln kann.",
      "Centro di formazione, gestito per lo più da camere o associazioni di categoria, in cui gli apprendisti imparano ciò che la loro azienda da sola non può insegnare.",
      "Training centre, mostly run by chambers, craft guilds or associations, where apprentices learn what their own company cannot teach alone.",
    ],
    [
      "Vor allem im Handwerk ergänzt sie die Ausbildung kleiner und spezialisierter Betriebe. In Italien haben paritätische Einrichtungen wie die Scuole edili im Baugewerbe teilweise ähnliche Aufgaben.",
      "Soprattutto nell'artigianato integra la formazione delle aziende piccole e specializzate. In Italia enti bilaterali come le Scuole edili nelle costruzioni svolgono in parte compiti simili.",
      "Above all in the crafts it complements training in small and specialised companies. In Italy joint bodies such as the Scuole edili in construction perform partly similar tasks.",
    ],
  ),
  term(
    ["betriebliches Lernen", "apprendimento basato sul lavoro", "work-based learning"],
    [
      "Lernen in echten Arbeitssituationen im Betrieb, angeleitet und mit Lernzielen verbunden.",
      "Apprendimento in situazioni di lavoro reali in azienda, guidato e legato a obiettivi formativi.",
      "Learning in real work situations in a company, guided and linked to learning objectives.",
    ],
    [
      "Es zu intensivieren und zu professionalisieren ist der vierte Handlungsbereich des Projekts.",
      "Intensificarlo e professionalizzarlo è il quarto ambito d'azione del progetto.",
      "Intensifying and professionalising it is the project's fourth action area.",
    ],
  ),
  term(
    ["Abschlussprüfung / Gesellenprüfung", "esame finale", "final examination"],
    [
      "Prüfung am Ende der Ausbildung, mit der die Fähigkeit nachgewiesen wird, den Beruf fachgerecht auszuüben.",
      "Esame al termine della formazione che accerta la capacità di esercitare la professione a regola d'arte.",
      "Examination at the end of training that shows the ability to practise the occupation competently.",
    ],
    [
      "Deutschland: abgenommen von einem Prüfungsausschuss der zuständigen Stelle, mit Vertretern der Arbeitgeber und der Arbeitnehmer in gleicher Zahl und mindestens einer Berufsschullehrkraft; im Handwerk heißt sie Gesellenprüfung. Italien: Wer im apprendistato di primo livello lernt, legt dieselbe Prüfung ab wie die Schülerinnen und Schüler des schulischen Wegs; sie wird von der Bildungseinrichtung nach staatlichen bzw. regionalen Regeln organisiert.",
      "Germania: si svolge davanti a una commissione d'esame dell'ente competente, composta in pari numero da rappresentanti dei datori di lavoro e dei lavoratori e da almeno un docente di scuola professionale; nell'artigianato si chiama Gesellenprüfung. Italia: chi è in apprendistato di primo livello sostiene lo stesso esame degli studenti del percorso scolastico, organizzato dall'istituzione formativa secondo le regole statali o regionali.",
      "Germany: held by an examination board of the competent body, with equal numbers of employer and employee representatives and at least one vocational-school teacher; in the crafts it is called Gesellenprüfung (journeyman's examination). Italy: first-level apprentices sit the same examination as students of the school-based route, organised by the school or training centre under state or regional rules.",
    ],
  ),
  term(
    ["Meister(in)", "maestro artigiano", "master craftsperson"],
    [
      "Abschluss der höheren Berufsbildung, vor allem im Handwerk, der zur Führung eines Betriebs und zur Ausbildung befähigt.",
      "Titolo di livello superiore, soprattutto nell'artigianato, che qualifica a dirigere un'impresa e a formare apprendisti.",
      "Higher VET qualification, mainly in the crafts, that qualifies the holder to run a business and to train apprentices.",
    ],
    [
      "Deutschland: Prüfung vor der Handwerkskammer (Industriemeister: vor der IHK), im DQR auf Niveau 6 wie der Bachelor; seit 2020 kann der Titel um „Bachelor Professional“ ergänzt werden. In zulassungspflichtigen Handwerken ist er in der Regel Voraussetzung, um einen Betrieb zu führen. Der italienische „maestro artigiano“ ist ein regional vergebener Titel für erfahrene Handwerker, mit dem Meister nicht gleichwertig.",
      "Germania: esame presso la camera dell'artigianato (Industriemeister: presso la IHK), livello 6 del quadro tedesco delle qualificazioni come la laurea triennale; dal 2020 il titolo può essere affiancato da «Bachelor Professional». Nei mestieri soggetti ad abilitazione è di norma il requisito per gestire un'impresa. Il «maestro artigiano» italiano è un titolo rilasciato a livello regionale ad artigiani esperti e non equivale al Meister.",
      "Germany: examination before the chamber of skilled crafts (Industriemeister: before the IHK), level 6 of the German qualifications framework like a bachelor's degree; since 2020 the title may carry the addition \"Bachelor Professional\". In licensed crafts it is as a rule required to run a business. The Italian \"maestro artigiano\" is a title awarded at regional level to experienced craftspeople and is not equivalent to the Meister.",
    ],
  ),
  term(
    ["apprendistato di primo livello (Lehre der ersten Ebene)", "apprendistato di primo livello", "first-level apprenticeship"],
    [
      "Italienischer Ausbildungsvertrag für 15- bis 25-Jährige, der Arbeit im Betrieb mit einem Bildungsgang verbindet und zu einem Abschluss führt: Qualifikation oder Diplom der IeFP, Abschluss der Sekundarstufe II oder Zertifikat der höheren technischen Spezialisierung (IFTS).",
      "Contratto di apprendistato per giovani dai 15 ai 25 anni che unisce il lavoro in azienda a un percorso formativo e porta a un titolo: qualifica o diploma professionale (IeFP), diploma di istruzione secondaria superiore o certificato di specializzazione tecnica superiore (IFTS).",
      "Italian apprenticeship contract for young people aged 15 to 25 that combines work in a company with an education programme leading to a qualification: IeFP vocational qualification or diploma, upper-secondary diploma or higher technical specialisation certificate (IFTS).",
    ],
    [
      "Zusammen mit der Lehre der dritten Ebene (Hochschulbildung und Forschung) „apprendistato duale“ genannt; die zweite Ebene (apprendistato professionalizzante) führt zu einer tariflichen Berufsqualifikation ohne Bildungsabschluss. Die erste Ebene kommt der deutschen dualen Ausbildung am nächsten, ist aber viel seltener.",
      "Insieme all'apprendistato di terzo livello (alta formazione e ricerca) è detto «apprendistato duale»; il secondo livello (apprendistato professionalizzante) porta invece a una qualificazione contrattuale senza titolo di studio. Il primo livello è il più vicino alla formazione duale tedesca, ma è molto meno diffuso.",
      "Together with third-level apprenticeship (higher education and research) it is called \"apprendistato duale\"; the second level (apprendistato professionalizzante) leads to a qualification under a collective agreement, not to an education qualification. The first level is the closest to German dual VET but far less common.",
    ],
  ),
  term(
    ["IeFP (regionale Berufsbildung in Italien)", "IeFP (Istruzione e formazione professionale)", "IeFP (regional VET in Italy)"],
    [
      "Bildungsgänge der Sekundarstufe II in der Verantwortung der Regionen: drei Jahre bis zur Berufsqualifikation (qualifica), vier Jahre bis zum Berufsdiplom (diploma professionale), angeboten von akkreditierten Bildungsträgern und Schulen.",
      "Percorsi del secondo ciclo di competenza delle Regioni: tre anni per la qualifica professionale, quattro per il diploma professionale, offerti da enti di formazione accreditati e da scuole.",
      "Upper-secondary programmes under the responsibility of the regions: three years to a vocational qualification (qualifica), four to a vocational diploma (diploma professionale), offered by accredited training providers and schools.",
    ],
    [
      "Mit ihr lässt sich die Bildungspflicht erfüllen. Der italienische „sistema duale“ wurde vor allem in der IeFP aufgebaut; Angebot und Umfang unterscheiden sich stark zwischen den Regionen.",
      "Permette di assolvere l'obbligo di istruzione. Il «sistema duale» italiano si è sviluppato soprattutto nella IeFP; offerta e dimensioni variano molto da regione a regione.",
      "It fulfils compulsory education. Italy's \"sistema duale\" was built up mainly within IeFP; provision and scale vary widely between regions.",
    ],
  ),
  term(
    ["PCTO (Praxisphasen in der italienischen Schule)", "PCTO (percorsi per le competenze trasversali e per l'orientamento)", "PCTO (school-work alternation in Italy)"],
    [
      "Verpflichtende Lernphasen in Arbeitskontexten für Schülerinnen und Schüler der letzten drei Jahre der Sekundarstufe II, mit Mindeststunden je nach Schulart; früher „alternanza scuola-lavoro“.",
      "Periodi obbligatori di apprendimento in contesti di lavoro per gli studenti degli ultimi tre anni della scuola secondaria superiore, con un monte ore minimo diverso per tipo di scuola; in precedenza «alternanza scuola-lavoro».",
      "Compulsory periods of learning in work settings for students in the last three years of upper-secondary school, with minimum hours depending on the type of school; formerly \"alternanza scuola-lavoro\".",
    ],
    [
      "Keine duale Ausbildung: Die Jugendlichen bleiben Schülerinnen und Schüler, ohne Arbeitsvertrag und ohne Vergütung. Eher mit Schülerbetriebspraktika vergleichbar.",
      "Non è formazione duale: i giovani restano studenti, senza contratto di lavoro né retribuzione. È più vicino ai tirocini scolastici tedeschi (Schülerbetriebspraktika).",
      "Not dual VET: the young people remain students, with no employment contract and no pay. Closer to German school work placements.",
    ],
  ),
];

/** Institutions and the rules they make. */
const INSTITUTIONS: GlossaryEntry[] = [
  term(
    ["Kammer", "camera di commercio / dell'artigianato", "chamber"],
    [
      "Öffentlich-rechtliche Einrichtung, in der die Unternehmen eines Gebiets oder eines Wirtschaftsbereichs sich selbst verwalten und die öffentliche Aufgaben für die Wirtschaft wahrnimmt.",
      "Ente pubblico in cui le imprese di un territorio o di un settore economico si autogovernano e che svolge funzioni pubbliche per l'economia.",
      "Public-law body in which the businesses of an area or economic sector govern themselves and which performs public tasks for the economy.",
    ],
    [
      "Deutschland hat getrennte Kammern, u. a. Industrie- und Handelskammern und Handwerkskammern, mit gesetzlichen Aufgaben in der Berufsbildung. Italien hat je Gebiet eine einzige Camera di commercio, industria, artigianato e agricoltura; eine eigene Handwerkskammer gibt es dort nicht.",
      "La Germania ha camere distinte, tra cui le camere di commercio e industria (IHK) e le camere dell'artigianato (HWK), con compiti di legge nella formazione professionale. L'Italia ha per ogni territorio un'unica Camera di commercio, industria, artigianato e agricoltura; una camera dell'artigianato a sé non esiste.",
      "Germany has separate chambers, among them chambers of commerce and industry and chambers of skilled crafts, with statutory tasks in VET. Italy has a single Camera di commercio, industria, artigianato e agricoltura per area; there is no separate chamber of crafts.",
    ],
  ),
  term(
    ["Industrie- und Handelskammer (IHK)", "Camera di commercio", "chamber of commerce and industry"],
    [
      "Öffentlich-rechtliche Selbstverwaltungseinrichtung der Unternehmen eines Bezirks, die ihre Interessen bündelt und öffentliche Aufgaben für die Wirtschaft wahrnimmt.",
      "Ente pubblico dotato di autonomia funzionale che rappresenta le imprese di un territorio e svolge funzioni di interesse generale per l'economia.",
      "Self-governing public body of the businesses in a district that represents their interests and performs public tasks for the economy.",
    ],
    [
      "IHK ↔ Camera di commercio: nicht dasselbe Mandat. Die IHK ist nach dem BBiG zuständige Stelle: Sie berät und überwacht Ausbildungsbetriebe, trägt Ausbildungsverträge ein und nimmt die Abschlussprüfungen ab; Dachorganisation ist die DIHK. Die italienischen Kammern (Dachverband: Unioncamere) führen das Unternehmensregister und fördern Orientierung und den Übergang von der Schule in den Beruf, haben aber keine vergleichbare Zuständigkeit für Ausbildungsverträge und Prüfungen.",
      "IHK ↔ Camera di commercio: non lo stesso mandato. La IHK è ente competente ai sensi della BBiG: assiste e vigila sulle aziende formatrici, registra i contratti di formazione e svolge gli esami finali; l'organizzazione nazionale è la DIHK. Le camere di commercio italiane (rete: Unioncamere) tengono il Registro delle imprese e promuovono l'orientamento e la transizione scuola-lavoro, ma non hanno una competenza paragonabile su contratti di formazione ed esami.",
      "IHK ↔ Camera di commercio: not the same mandate. The IHK is the competent body under the BBiG: it advises and supervises training companies, registers training contracts and holds the final examinations; its national umbrella is the DIHK. The Italian chambers (network: Unioncamere) keep the business register and promote guidance and the transition from school to work, but have no comparable responsibility for training contracts and examinations.",
    ],
  ),
  term(
    ["Handwerkskammer (HWK)", "camera dell'artigianato", "chamber of skilled crafts"],
    [
      "Deutsche öffentlich-rechtliche Kammer der Handwerksbetriebe eines Bezirks; nach der Handwerksordnung führt sie die Handwerksrolle und die Lehrlingsrolle und ist für Gesellen- und Meisterprüfungen zuständig.",
      "Camera tedesca di diritto pubblico delle imprese artigiane di un distretto; secondo il codice dell'artigianato (Handwerksordnung) tiene il registro delle imprese artigiane e quello dei contratti di apprendistato ed è competente per gli esami di Geselle e di Meister.",
      "German public-law chamber of the craft businesses in a district; under the Crafts Code it keeps the register of craft businesses and of apprenticeships and is responsible for journeyman and master craftsman examinations.",
    ],
    [
      "In Italien gibt es keine Handwerkskammer: Handwerksbetriebe sind in einem eigenen Teil des Unternehmensregisters der einheitlichen Camera di commercio eingetragen und werden von Verbänden wie Confartigianato, CNA oder Casartigiani vertreten. „Camera dell'artigianato“ ist daher eine Übersetzung, keine italienische Einrichtung.",
      "In Italia non esiste una camera dell'artigianato: le imprese artigiane sono iscritte in una sezione speciale del Registro delle imprese presso l'unica Camera di commercio e sono rappresentate da associazioni come Confartigianato, CNA o Casartigiani. «Camera dell'artigianato» è quindi una traduzione, non un'istituzione italiana.",
      "Italy has no chamber of crafts: craft businesses are entered in a special section of the business register at the single Camera di commercio and are represented by associations such as Confartigianato, CNA or Casartigiani. \"Camera dell'artigianato\" is therefore a translation, not an Italian institution.",
    ],
  ),
  term(
    ["zuständige Stelle", "ente competente", "competent body"],
    [
      "Nach dem BBiG die für die Berufsausbildung eines Bereichs verantwortliche Einrichtung, meist eine Kammer: Sie überwacht und berät, führt das Verzeichnis der Ausbildungsverhältnisse und nimmt die Prüfungen ab.",
      "Secondo la BBiG l'ente responsabile della formazione professionale di un settore, di solito una camera: vigila e fornisce consulenza, tiene il registro dei rapporti di formazione e svolge gli esami.",
      "Under the BBiG the body responsible for vocational training in a sector, usually a chamber: it supervises and advises, keeps the register of training relationships and holds the examinations.",
    ],
    [
      "Ein deutscher Rechtsbegriff ohne italienisches Gegenstück; dort teilen sich Regionen, Bildungseinrichtungen und Arbeitgeber diese Aufgaben.",
      "Nozione giuridica tedesca senza equivalente italiano; in Italia questi compiti sono ripartiti tra regioni, istituzioni formative e datori di lavoro.",
      "A German legal term with no Italian counterpart; in Italy these tasks are shared among regions, schools or training centres and employers.",
    ],
  ),
  term(
    ["Berufsbildungsgesetz (BBiG)", "legge tedesca sulla formazione professionale (BBiG)", "Vocational Training Act (BBiG)"],
    [
      "Bundesgesetz, das die betriebliche Berufsausbildung, die berufliche Fortbildung und die Umschulung sowie die Rolle der zuständigen Stellen regelt; 2020 umfassend novelliert.",
      "Legge federale tedesca che disciplina la formazione professionale in azienda, la formazione professionale superiore e la riqualificazione, nonché il ruolo degli enti competenti; ampiamente riformata nel 2020.",
      "German federal act governing in-company vocational training, advanced vocational training and retraining, and the role of the competent bodies; substantially amended in 2020.",
    ],
    [
      "Für das Handwerk gilt ergänzend die Handwerksordnung (HwO). In Italien gibt es kein entsprechendes Einzelgesetz: Das apprendistato regelt vor allem das Gesetzesdekret 81/2015, die IeFP das Gesetzesdekret 226/2005 zusammen mit Regionalgesetzen, die istituti professionali das Gesetzesdekret 61/2017.",
      "Per l'artigianato vale inoltre il codice dell'artigianato (Handwerksordnung, HwO). In Italia non esiste una legge unica equivalente: l'apprendistato è disciplinato soprattutto dal d.lgs. 81/2015, la IeFP dal d.lgs. 226/2005 insieme alle leggi regionali, gli istituti professionali dal d.lgs. 61/2017.",
      "The crafts are also governed by the Crafts Code (HwO). Italy has no single equivalent act: apprenticeship is regulated mainly by Legislative Decree 81/2015, IeFP by Legislative Decree 226/2005 together with regional laws, and the istituti professionali by Legislative Decree 61/2017.",
    ],
  ),
  term(
    ["Ausbildungsordnung", "regolamento di formazione (Ausbildungsordnung)", "training regulations"],
    [
      "Bundesweit geltende Verordnung für einen anerkannten Ausbildungsberuf: Bezeichnung, Dauer, Berufsbild, Ausbildungsrahmenplan für den Betrieb und Prüfungsanforderungen.",
      "Regolamento valido in tutta la Germania per una professione riconosciuta: denominazione, durata, profilo professionale, piano quadro della formazione in azienda e requisiti d'esame.",
      "Federal regulation for a recognised training occupation: title, duration, occupational profile, framework training plan for the company and examination requirements.",
    ],
    [
      "Vom BIBB mit Sachverständigen der Sozialpartner erarbeitet und vom zuständigen Bundesministerium erlassen. Italien hat kein Gegenstück je Beruf; Bezugspunkte sind das nationale Verzeichnis der IeFP-Qualifikationen und der Atlante del lavoro e delle qualificazioni (INAPP).",
      "Elaborato dal BIBB con esperti delle parti sociali ed emanato dal ministero federale competente. In Italia non esiste un equivalente per singola professione; i riferimenti sono il repertorio nazionale delle qualificazioni IeFP e l'Atlante del lavoro e delle qualificazioni (INAPP).",
      "Drafted by BIBB with experts from the social partners and issued by the responsible federal ministry. Italy has no counterpart per occupation; the points of reference are the national register of IeFP qualifications and the Atlas of work and qualifications (Atlante del lavoro e delle qualificazioni, INAPP).",
    ],
  ),
  term(
    ["Rahmenlehrplan", "piano di studi quadro (Rahmenlehrplan)", "framework curriculum"],
    [
      "Lehrplan für den Berufsschulunterricht eines Ausbildungsberufs, von der Kultusministerkonferenz (KMK) beschlossen und mit der Ausbildungsordnung abgestimmt; die Länder übernehmen oder konkretisieren ihn.",
      "Programma per l'insegnamento nella scuola professionale relativo a una professione, approvato dalla Conferenza dei ministri dell'istruzione dei Länder (KMK) e coordinato con il regolamento di formazione; i Länder lo adottano o lo precisano.",
      "Curriculum for vocational-school teaching in a training occupation, adopted by the Standing Conference of the Länder education ministers (KMK) and aligned with the training regulations; the Länder adopt or specify it.",
    ],
    [
      "Nicht zu verwechseln mit dem Ausbildungsrahmenplan, dem betrieblichen Teil der Ausbildungsordnung.",
      "Da non confondere con il piano quadro della formazione in azienda (Ausbildungsrahmenplan), parte del regolamento di formazione.",
      "Not to be confused with the framework training plan (Ausbildungsrahmenplan), the in-company part of the training regulations.",
    ],
  ),
  term(
    ["Sozialpartner", "parti sociali", "social partners"],
    [
      "Arbeitgeberverbände und Gewerkschaften, die Arbeitsbedingungen aushandeln und an der Gestaltung der Berufsbildung mitwirken.",
      "Associazioni dei datori di lavoro e sindacati, che negoziano le condizioni di lavoro e contribuiscono a definire la formazione professionale.",
      "Employers' organisations and trade unions, which negotiate working conditions and help shape VET.",
    ],
    [
      "In Deutschland wirken sie gesetzlich geregelt mit: an neuen Ausbildungsordnungen, im Hauptausschuss des BIBB und in den Prüfungsausschüssen. In Italien prägen sie die Berufsbildung vor allem über Tarifverträge (etwa zu Dauer und Vergütung des apprendistato) und paritätische Einrichtungen wie enti bilaterali und fondi interprofessionali für die Weiterbildung.",
      "In Germania partecipano secondo regole di legge: ai nuovi regolamenti di formazione, al comitato principale del BIBB e alle commissioni d'esame. In Italia incidono sulla formazione professionale soprattutto tramite i contratti collettivi (per esempio su durata e retribuzione dell'apprendistato) e gli organismi paritetici, come gli enti bilaterali e i fondi interprofessionali per la formazione continua.",
      "In Germany their role is laid down by law: in drafting training regulations, on BIBB's Board and on the examination boards. In Italy they shape VET mainly through collective agreements (for instance on the duration and pay of apprenticeship) and joint bodies such as enti bilaterali and the fondi interprofessionali for continuing training.",
    ],
  ),
  term(
    ["Gewerkschaft", "sindacato", "trade union"],
    [
      "Zusammenschluss von Beschäftigten, der ihre Interessen vertritt, vor allem in Tarifverhandlungen.",
      "Organizzazione dei lavoratori che ne rappresenta gli interessi, soprattutto nella contrattazione collettiva.",
      "Organisation of workers that represents their interests, above all in collective bargaining.",
    ],
    [
      "Deutschland: nach Branchen organisierte Einheitsgewerkschaften, die meisten unter dem Dach des DGB (z. B. IG Metall). Italien: mehrere Gewerkschaftsbünde unterschiedlicher Tradition, vor allem CGIL, CISL und UIL, alle drei im Begleitgremium.",
      "Germania: sindacati unitari organizzati per settore, per lo più aderenti alla confederazione DGB (per esempio IG Metall). Italia: più confederazioni di diversa tradizione, soprattutto CGIL, CISL e UIL, tutte e tre nel comitato di accompagnamento.",
      "Germany: unified unions organised by sector, most of them under the DGB umbrella (for example IG Metall). Italy: several confederations of different traditions, mainly CGIL, CISL and UIL, all three on the advisory board.",
    ],
  ),
  term(
    ["Arbeitgeberverband", "associazione datoriale", "employers' association"],
    [
      "Zusammenschluss von Arbeitgebern, der ihre Interessen vertritt, insbesondere als Verhandlungspartner der Gewerkschaften bei Tarifverträgen.",
      "Organizzazione che riunisce i datori di lavoro e ne rappresenta gli interessi, in particolare come controparte dei sindacati nei contratti collettivi.",
      "Organisation of employers that represents their interests, in particular as the unions' counterpart in collective agreements.",
    ],
    [
      "In Deutschland sind Arbeitgeberverbände (Dach: BDA) von Wirtschaftsverbänden und Kammern getrennt. In Italien verbinden Verbände wie Confindustria, Confartigianato oder CNA beide Rollen: Sie schließen Tarifverträge und vertreten zugleich wirtschaftliche Interessen.",
      "In Germania le associazioni dei datori di lavoro (confederazione: BDA) sono distinte dalle associazioni economiche di categoria e dalle camere. In Italia organizzazioni come Confindustria, Confartigianato o CNA uniscono i due ruoli: stipulano contratti collettivi e rappresentano al tempo stesso interessi economici.",
      "In Germany employers' associations (umbrella: BDA) are separate from trade associations and chambers. In Italy organisations such as Confindustria, Confartigianato or CNA combine both roles: they sign collective agreements and also represent business interests.",
    ],
  ),
];

/** Pathways, levels and the themes of the call. */
const PATHWAYS_AND_THEMES: GlossaryEntry[] = [
  term(
    ["berufliche Erstausbildung", "formazione professionale iniziale", "initial VET"],
    [
      "Berufsbildung, die zu einem ersten Berufsabschluss führt, meist im Anschluss an die allgemeinbildende Schule oder als Teil der Sekundarstufe II.",
      "Formazione professionale che porta a un primo titolo professionale, di solito dopo la scuola di base o nell'ambito del secondo ciclo.",
      "Vocational education and training leading to a first vocational qualification, usually after general schooling or as part of upper-secondary education.",
    ],
  ),
  term(
    ["berufliche Weiterbildung", "formazione continua", "continuing VET"],
    [
      "Berufliches Lernen nach dem Eintritt ins Erwerbsleben, um Kompetenzen zu erhalten, zu erweitern oder sich beruflich neu zu orientieren.",
      "Apprendimento professionale dopo l'ingresso nel mondo del lavoro, per mantenere, ampliare o riorientare le proprie competenze.",
      "Vocational learning after entering working life, to maintain, extend or redirect one's skills.",
    ],
    [
      "Im Deutschen unterscheidet man die geregelte Fortbildung mit Kammerprüfung (z. B. Meister) von sonstiger Weiterbildung. In Italien wird betriebliche Weiterbildung häufig über die fondi interprofessionali finanziert.",
      "In tedesco si distingue la formazione superiore regolamentata, con esame presso la camera (per esempio Meister), dalle altre attività di formazione continua. In Italia la formazione continua aziendale è spesso finanziata dai fondi interprofessionali.",
      "German distinguishes regulated advanced training with a chamber examination (e.g. Meister) from other continuing training. In Italy in-company continuing training is often funded by the fondi interprofessionali.",
    ],
  ),
  term(
    ["höhere Berufsbildung", "formazione professionale superiore", "higher VET"],
    [
      "Berufliche Fortbildung nach Ausbildung und Berufserfahrung, die zu Abschlüssen oberhalb der Berufsausbildung führt; in Deutschland seit 2020 in drei Stufen: Geprüfte/-r Berufsspezialist/-in, Bachelor Professional, Master Professional.",
      "Formazione professionale successiva alla formazione iniziale e all'esperienza lavorativa, che porta a titoli di livello superiore; in Germania, dal 2020, su tre livelli: specialista professionale certificato, Bachelor Professional e Master Professional.",
      "Advanced vocational training after initial VET and work experience, leading to qualifications above it; in Germany, since 2020, in three levels: Certified Professional Specialist, Bachelor Professional and Master Professional.",
    ],
    [
      "Im BBiG „höherqualifizierende Berufsbildung“. Bachelor und Master Professional sind berufliche, keine akademischen Abschlüsse; sie sollen die Gleichwertigkeit mit dem Studium sichtbar machen. In Italien entspricht dem am ehesten die tertiäre Berufsbildung der ITS Academy.",
      "Nella BBiG «höherqualifizierende Berufsbildung». Bachelor e Master Professional sono titoli professionali, non accademici, pensati per rendere visibile l'equivalenza con gli studi universitari. In Italia vi corrisponde più da vicino la formazione terziaria degli ITS Academy.",
      "In the BBiG \"höherqualifizierende Berufsbildung\". Bachelor and Master Professional are vocational, not academic, qualifications meant to show their equivalence with university study. The closest Italian counterpart is tertiary VET at the ITS Academies.",
    ],
  ),
  term(
    ["ITS Academy", "ITS Academy (Istituto tecnologico superiore)", "ITS Academy (higher technical institute)"],
    [
      "Italienische Einrichtung der tertiären, nicht-akademischen Berufsbildung, getragen von einer Stiftung aus Unternehmen, Schulen, Hochschulen und Gebietskörperschaften; zwei- oder dreijährige Bildungsgänge mit viel Praxis in Unternehmen (EQR-Niveau 5 bzw. 6).",
      "Istituto di formazione terziaria professionalizzante non accademica, costituito come fondazione da imprese, scuole, università ed enti locali; percorsi biennali o triennali con ampia pratica in azienda (livelli EQF 5 e 6).",
      "Italian institution of non-academic tertiary VET, run by a foundation of companies, schools, universities and local authorities; two- or three-year programmes with much practice in companies (EQF levels 5 and 6).",
    ],
    [
      "Durch das Gesetz 99/2022 neu geordnet. In Deutschland gibt es kein einheitliches Gegenstück; je nach Ziel vergleichbar sind Fachschulen (z. B. Technikerin/Techniker), Fortbildungsabschlüsse der höheren Berufsbildung oder duale Studiengänge.",
      "Riordinati dalla legge 99/2022. In Germania non esiste un equivalente unico; a seconda dell'obiettivo sono paragonabili le Fachschulen (per esempio tecnico statale), i titoli della formazione professionale superiore o i corsi di laurea duali.",
      "Reorganised by Law 99/2022. Germany has no single counterpart; depending on the aim, technical colleges (Fachschulen, e.g. state-certified technician), higher VET qualifications or dual study programmes are comparable.",
    ],
  ),
  term(
    ["Qualifikationsrahmen", "quadro delle qualificazioni", "qualifications framework"],
    [
      "Raster, das Abschlüsse nach ihren Lernergebnissen acht Niveaus zuordnet und sie so vergleichbar macht; Bezugspunkt der nationalen Rahmen ist der Europäische Qualifikationsrahmen (EQR).",
      "Schema che colloca i titoli su otto livelli in base ai risultati di apprendimento e li rende così confrontabili; il riferimento dei quadri nazionali è il Quadro europeo delle qualifiche (EQF).",
      "Grid that assigns qualifications to eight levels by their learning outcomes and so makes them comparable; national frameworks refer to the European Qualifications Framework (EQF).",
    ],
    [
      "Deutschland: Deutscher Qualifikationsrahmen (DQR); Italien: Quadro nazionale delle qualificazioni (QNQ, seit 2018). Meister und Bachelor stehen im DQR beide auf Niveau 6.",
      "Germania: Deutscher Qualifikationsrahmen (DQR); Italia: Quadro nazionale delle qualificazioni (QNQ, dal 2018). Nel DQR il Meister e la laurea triennale sono entrambi al livello 6.",
      "Germany: German Qualifications Framework (DQR); Italy: National Qualifications Framework (QNQ, since 2018). In the DQR the Meister and the bachelor's degree are both at level 6.",
    ],
  ),
  term(
    ["Berufsorientierung", "orientamento professionale", "career guidance"],
    [
      "Angebote, die jungen Menschen helfen, ihre Interessen und Fähigkeiten zu erkennen und einen passenden Beruf oder Bildungsweg zu wählen, etwa Praktika, Beratung und Berufsmessen.",
      "Attività che aiutano i giovani a riconoscere interessi e capacità e a scegliere un mestiere o un percorso formativo adatto, come tirocini, consulenza e saloni dell'orientamento.",
      "Activities that help young people recognise their interests and abilities and choose a suitable occupation or education path, such as work placements, counselling and careers fairs.",
    ],
    [
      "Im Italienischen oft nur „orientamento“, das auch die Wahl zwischen Schulstufen und -arten umfasst. Innovative Berufsorientierung ist ein Querschnittsthema des Projekts.",
      "Spesso solo «orientamento», che comprende anche la scelta tra cicli e tipi di scuola. L'orientamento innovativo è un tema trasversale del progetto.",
      "Italian often says just \"orientamento\", which also covers choosing between school levels and types. Innovative career guidance is a cross-cutting theme of the project.",
    ],
  ),
  term(
    ["Fachkräftemangel", "carenza di manodopera qualificata", "skills shortage"],
    [
      "Lage, in der Betriebe offene Stellen für qualifizierte Fachkräfte dauerhaft nicht oder nur schwer besetzen können.",
      "Situazione in cui le imprese non riescono, o riescono a fatica, a coprire in modo stabile i posti per personale qualificato.",
      "Situation in which companies cannot fill, or struggle to fill, vacancies for skilled workers over a longer period.",
    ],
    [
      "Fachkräftesicherung in bestimmten Berufsfeldern ist ein Querschnittsthema des Projekts.",
      "Assicurare personale qualificato in determinati settori è un tema trasversale del progetto.",
      "Securing skilled workers in particular fields is a cross-cutting theme of the project.",
    ],
  ),
  term(
    ["Kleinst- und Kleinunternehmen", "micro e piccole imprese", "micro and small enterprises"],
    [
      "Nach EU-Definition Unternehmen mit weniger als 10 (Kleinst-) bzw. weniger als 50 Beschäftigten (Klein-) und höchstens 2 bzw. 10 Millionen Euro Jahresumsatz oder Jahresbilanzsumme.",
      "Secondo la definizione UE, imprese con meno di 10 (micro) o meno di 50 addetti (piccole) e un fatturato annuo o un totale di bilancio non superiore a 2 o 10 milioni di euro.",
      "Under the EU definition, enterprises with fewer than 10 (micro) or fewer than 50 employees (small) and an annual turnover or balance-sheet total of at most €2 million or €10 million.",
    ],
    [
      "Ausbildende Kleinst- und Kleinbetriebe zu unterstützen ist der dritte Handlungsbereich des Projekts. In Italien ist ihr Anteil an allen Unternehmen besonders hoch.",
      "Sostenere le micro e piccole imprese che formano è il terzo ambito d'azione del progetto. In Italia la loro quota sul totale delle imprese è particolarmente alta.",
      "Supporting micro and small enterprises that train is the project's third action area. In Italy their share of all businesses is particularly high.",
    ],
  ),
];

export const GLOSSARY_SEED: readonly GlossaryEntry[] = [...PROJECT, ...DUAL_VET, ...INSTITUTIONS, ...PATHWAYS_AND_THEMES];
