/**
 * DEMO DATA. Five invented bilateral model networks in the spirit of the ConnActions call
 * (../shared/DOMAIN.md). Every organisation and person here is fictitious; names only look
 * plausible. Ids are fixed so the seed is idempotent.
 */
import type { Country, NetworkRole, OrganisationType, PlatformRole, Sector } from "#shared/roles";
import type { Locale } from "#shared/i18n/config";
import type { OccupationalField, Theme } from "#shared/taxonomy";

export const DEMO_PASSWORD = "Demo-ConnActions-2026";

export interface DemoOrganisation {
  id: string;
  name: string;
  country: Country;
  city: string;
  region: string;
  type: OrganisationType;
  sector: Sector;
  description: string;
}

export interface DemoPerson {
  id: string;
  email: string;
  name: string;
  locale: Locale;
  organisationId: string | null;
  platformRoles: PlatformRole[];
  memberships: Array<{ networkId: string; role: NetworkRole }>;
}

export interface DemoNetwork {
  id: string;
  slug: string;
  name: string;
  description: string;
  field: OccupationalField;
  themes: Theme[];
  organisations: DemoOrganisation[];
}

const org = (
  id: string,
  name: string,
  country: Country,
  city: string,
  region: string,
  type: OrganisationType,
  sector: Sector,
  description = "",
): DemoOrganisation => ({ id: `demo-org-${id}`, name, country, city, region, type, sector, description });

export const demoNetworks: DemoNetwork[] = [
  {
    id: "demo-net-mechatronics",
    slug: "mechatronik-bayern-emilia",
    name: "Mechatronik Bayern – Emilia-Romagna",
    description:
      "Ausbildungsbetriebe, Kammern und Berufsschulen aus Bayern und der Emilia-Romagna erproben gemeinsame Lernaufgaben für Mechatronik-Azubis und tauschen Ausbildungspersonal aus. / Imprese, camere e istituti professionali sperimentano compiti di apprendimento comuni per apprendisti in meccatronica.",
    field: "mechatronics",
    themes: ["digitalisation", "skilledWorkers"],
    organisations: [
      org("mech-de-1", "Huber Antriebstechnik GmbH", "DE", "Augsburg", "Bayern", "company", "private", "Mittelständischer Hersteller von Antrieben, bildet 40 Mechatroniker:innen aus."),
      org("mech-de-2", "Industrie- und Handelskammer Schwaben (Demo)", "DE", "Augsburg", "Bayern", "chamber", "public"),
      org("mech-de-3", "Staatliche Berufsschule Neusäß (Demo)", "DE", "Neusäß", "Bayern", "vocational_school", "public"),
      org("mech-it-1", "Meccanica Ferretti S.p.A.", "IT", "Modena", "Emilia-Romagna", "company", "private", "Costruttore di macchine automatiche con 25 apprendisti."),
      org("mech-it-2", "Istituto Tecnico Superiore Meccatronica Emilia (Demo)", "IT", "Bologna", "Emilia-Romagna", "training_provider", "public"),
      org("mech-it-3", "Confartigianato Modena (Demo)", "IT", "Modena", "Emilia-Romagna", "association", "private"),
    ],
  },
  {
    id: "demo-net-green",
    slug: "gruene-energie-nrw-toscana",
    name: "Grüne Energie NRW – Toscana",
    description:
      "Ausbildung für Solar- und Wärmepumpentechnik im Handwerk: Handwerkskammern, Innungsbetriebe und Regionen entwickeln Zusatzqualifikationen. / Formazione per fotovoltaico e pompe di calore nell'artigianato.",
    field: "greenEnergy",
    themes: ["skilledWorkers", "imageOfDualVet"],
    organisations: [
      org("green-de-1", "Handwerkskammer Dortmund (Demo)", "DE", "Dortmund", "Nordrhein-Westfalen", "chamber", "public"),
      org("green-de-2", "Sonnenwerk Elektro Schulte GmbH", "DE", "Bochum", "Nordrhein-Westfalen", "crafts_business", "private"),
      org("green-de-3", "IG Metall Bezirk NRW (Demo)", "DE", "Düsseldorf", "Nordrhein-Westfalen", "union", "private"),
      org("green-it-1", "Regione Toscana – Settore Formazione (Demo)", "IT", "Firenze", "Toscana", "region", "public"),
      org("green-it-2", "Termoidraulica Bianchi s.r.l.", "IT", "Prato", "Toscana", "crafts_business", "private"),
      org("green-it-3", "CNA Toscana Centro (Demo)", "IT", "Prato", "Toscana", "association", "private"),
    ],
  },
  {
    id: "demo-net-hospitality",
    slug: "gastgewerbe-bodensee-trentino",
    name: "Gastgewerbe Bodensee – Trentino",
    description:
      "Hotels, Gastronomie und Berufsschulen organisieren Austauschpraktika für Azubis und stärken die Rolle der Sozialpartner in der Ausbildung. / Alberghi, ristorazione e scuole organizzano tirocini di scambio per apprendisti.",
    field: "hospitality",
    themes: ["imageOfDualVet", "careerGuidance"],
    organisations: [
      org("hosp-de-1", "Seehotel Lindenhof KG", "DE", "Lindau", "Bayern", "company", "private"),
      org("hosp-de-2", "DEHOGA Kreisverband Bodensee (Demo)", "DE", "Friedrichshafen", "Baden-Württemberg", "association", "private"),
      org("hosp-de-3", "Gewerbliche Schule Friedrichshafen (Demo)", "DE", "Friedrichshafen", "Baden-Württemberg", "vocational_school", "public"),
      org("hosp-it-1", "Hotel Dolomiti Gardesana s.r.l.", "IT", "Riva del Garda", "Trentino", "company", "private"),
      org("hosp-it-2", "Centro di Formazione Alberghiera Trentino (Demo)", "IT", "Rovereto", "Trentino", "vocational_school", "public"),
      org("hosp-it-3", "Camera di Commercio di Trento (Demo)", "IT", "Trento", "Trentino", "chamber", "public"),
    ],
  },
  {
    id: "demo-net-fashion",
    slug: "mode-textil-sachsen-lombardia",
    name: "Mode und Textil Sachsen – Lombardia",
    description:
      "Kleine Textil- und Lederbetriebe entwickeln Unterstützungsangebote für die Ausbildung in Kleinstunternehmen. / Piccole imprese tessili e della pelle sviluppano supporti alla formazione nelle microimprese.",
    field: "textileCrafts",
    themes: ["diversityInclusion", "digitalisation"],
    organisations: [
      org("fash-de-1", "Plauener Spitzenmanufaktur GmbH", "DE", "Plauen", "Sachsen", "crafts_business", "private"),
      org("fash-de-2", "Handwerkskammer Chemnitz (Demo)", "DE", "Chemnitz", "Sachsen", "chamber", "public"),
      org("fash-de-3", "Berufliches Schulzentrum Textil Reichenbach (Demo)", "DE", "Reichenbach", "Sachsen", "vocational_school", "public"),
      org("fash-it-1", "Pelletteria Colombo s.n.c.", "IT", "Como", "Lombardia", "crafts_business", "private"),
      org("fash-it-2", "Regione Lombardia – Istruzione e Formazione (Demo)", "IT", "Milano", "Lombardia", "region", "public"),
      org("fash-it-3", "CISL Lombardia (Demo)", "IT", "Milano", "Lombardia", "union", "private"),
    ],
  },
  {
    id: "demo-net-logistics",
    slug: "logistik-hamburg-campania",
    name: "Logistik Hamburg – Campania",
    description:
      "Hafenlogistik und Speditionen bauen gemeinsam Lernortkooperationen auf und gewinnen mehr Betriebe für die duale Ausbildung. / Logistica portuale e spedizionieri costruiscono cooperazioni tra luoghi di apprendimento.",
    field: "logistics",
    themes: ["skilledWorkers", "careerGuidance"],
    organisations: [
      org("log-de-1", "Elbkai Logistik GmbH", "DE", "Hamburg", "Hamburg", "company", "private"),
      org("log-de-2", "Handelskammer Hamburg (Demo)", "DE", "Hamburg", "Hamburg", "chamber", "public"),
      org("log-de-3", "Berufliche Schule für Logistik Hamburg (Demo)", "DE", "Hamburg", "Hamburg", "vocational_school", "public"),
      org("log-it-1", "Porto Sud Spedizioni s.r.l.", "IT", "Salerno", "Campania", "company", "private"),
      org("log-it-2", "Regione Campania – Formazione Professionale (Demo)", "IT", "Napoli", "Campania", "region", "public"),
      org("log-it-3", "UIL Trasporti Campania (Demo)", "IT", "Napoli", "Campania", "union", "private"),
    ],
  },
];

/** Neutral organisations for the project team and the advisory board. */
export const demoPlatformOrganisations: DemoOrganisation[] = [
  org("team", "ConnActions Projektteam (Demo)", "DE", "Bonn", "Nordrhein-Westfalen", "public_body", "public"),
  org("board-de", "Begleitgremium – deutsche Seite (Demo)", "DE", "Berlin", "Berlin", "public_body", "public"),
  // The Italian side of the advisory board: a regional administration with no group or network in the demo.
  org("board-it", "Regione Umbria – Istruzione e Formazione (Demo)", "IT", "Perugia", "Umbria", "region", "public"),
];

function networkPeople(network: DemoNetwork, key: string, people: Array<[string, string, Locale, number, NetworkRole]>): DemoPerson[] {
  return people.map(([local, name, locale, orgIndex, role], i) => ({
    id: `demo-user-${key}-${i + 1}`,
    email: `${local}.${key}@connactions.demo`,
    name,
    locale,
    organisationId: network.organisations[orgIndex]?.id ?? null,
    platformRoles: [],
    memberships: [{ networkId: network.id, role }],
  }));
}

const [mech, green, hosp, fash, log] = demoNetworks as [DemoNetwork, DemoNetwork, DemoNetwork, DemoNetwork, DemoNetwork];

export const demoPeople: DemoPerson[] = [
  {
    id: "demo-user-admin",
    email: "admin@connactions.demo",
    name: "Anna Admin",
    locale: "de",
    organisationId: "demo-org-team",
    platformRoles: ["admin"],
    memberships: [],
  },
  {
    id: "demo-user-moderator",
    email: "moderation@connactions.demo",
    name: "Marco Moderatore",
    locale: "it",
    organisationId: "demo-org-team",
    platformRoles: ["moderator"],
    memberships: [],
  },
  {
    id: "demo-user-observer",
    email: "begleitgremium@connactions.demo",
    name: "Birgit Beobachterin",
    locale: "de",
    organisationId: "demo-org-board-de",
    platformRoles: ["observer"],
    memberships: [],
  },
  {
    // The advisory board's Italian member; she scores the demo application (db/seed/demo-selection.ts).
    id: "demo-user-observer-it",
    email: "comitato@connactions.demo",
    name: "Olivia Osservatrice",
    locale: "it",
    organisationId: "demo-org-board-it",
    platformRoles: ["observer"],
    memberships: [],
  },
  {
    // Runs the call for expressions of interest and the matching of partners (db/seed/demo-interest.ts).
    id: "demo-user-project-team",
    email: "projektteam@connactions.demo",
    name: "Petra Projektteam",
    locale: "de",
    organisationId: "demo-org-team",
    platformRoles: ["project_team"],
    memberships: [],
  },
  ...networkPeople(mech, "mechatronik", [
    ["koordination", "Katrin Huber", "de", 0, "coordinator"],
    ["mitglied", "Luca Ferretti", "it", 3, "member"],
    ["member", "Jonas Weber", "en", 2, "member"],
  ]),
  ...networkPeople(green, "energie", [
    ["koordination", "Stefan Schulte", "de", 1, "coordinator"],
    ["mitglied", "Giulia Bianchi", "it", 4, "member"],
    ["member", "Sara Conti", "en", 3, "member"],
  ]),
  ...networkPeople(hosp, "gastgewerbe", [
    ["coordinamento", "Paolo Moser", "it", 4, "coordinator"],
    ["mitglied", "Lena Lindner", "de", 0, "member"],
    ["member", "Chiara Rossi", "en", 3, "member"],
  ]),
  ...networkPeople(fash, "textil", [
    ["coordinamento", "Francesca Colombo", "it", 3, "coordinator"],
    ["mitglied", "Maria Krause", "de", 0, "member"],
    ["member", "Tobias Lehmann", "en", 2, "member"],
  ]),
  ...networkPeople(log, "logistik", [
    ["koordination", "Henrik Petersen", "de", 0, "coordinator"],
    ["mitglied", "Antonio Esposito", "it", 3, "member"],
    ["member", "Elena Russo", "en", 5, "member"],
  ]),
];
