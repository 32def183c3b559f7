/**
 * The words of event planning, shared by forms, policy, domain, calendars and the database.
 * Event languages are the platform's languages: interpreting is planned between them.
 */
import { LOCALES, type Locale } from "../i18n/config";

export const EVENT_FORMATS = ["studyTrip", "conference", "workshop", "seminar", "onlineMeeting", "networkMeeting"] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];

/** draft: only organisers see it; published: open for registration; cancelled and held: records. */
export const EVENT_STATUSES = ["draft", "published", "cancelled", "held"] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** Where the networks meet; times are entered and shown in the event's zone and stored in UTC. */
export const EVENT_TIME_ZONES = ["Europe/Berlin", "Europe/Rome"] as const;
export type EventTimeZone = (typeof EVENT_TIME_ZONES)[number];

export const EVENT_LANGUAGES = LOCALES;
export type EventLanguage = Locale;

export const COST_KINDS = ["travel", "accommodation", "interpreting", "venue", "fees"] as const;
export type CostKind = (typeof COST_KINDS)[number];

/** registered: has a place; waiting: on the waiting list, in order; cancelled: kept for the record. */
export const REGISTRATION_STATUSES = ["registered", "waiting", "cancelled"] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const isEventTimeZone = (value: unknown): value is EventTimeZone => typeof value === "string" && (EVENT_TIME_ZONES as readonly string[]).includes(value);
