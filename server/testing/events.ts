/**
 * Event factories for integration tests: form data as the forms send it (times LOCAL to the
 * event's zone, 'YYYY-MM-DDTHH:mm'), and a published event made through the domain, so tests
 * exercise the same path organisers do.
 */
import type { Services } from "#server/services";
import type { Actor, WorkspaceOwner } from "#shared/policy";
import type { CostFormData, EventFormData, RegistrationFormData, SessionFormData } from "#shared/validation/event-forms";
import type { EventTimeZone } from "#shared/events/event-vocabulary";
import { utcToLocal } from "#shared/events/event-time";
import { HOUR } from "#shared/time";
import { findEvent } from "#db/queries/events";
import { changeEventStatus, createEvent } from "../domain/events/events";
import { uniq } from "./factories";

/** The wall-clock time in `zone` `hours` from now, as a datetime-local input sends it (minutes). */
export function localIn(hours: number, zone: EventTimeZone = "Europe/Berlin", from: Date = new Date()): string {
  return utcToLocal(new Date(from.getTime() + hours * HOUR).toISOString(), zone);
}

/**
 * A valid event form: a workshop in Bolzano, far enough ahead that registration is open.
 * Fixed dates keep clock changes out of the way unless a test asks for them.
 */
export function eventInput(overrides: Partial<EventFormData> = {}): EventFormData {
  return {
    title: uniq("Event"),
    description: "Ein Workshop für Ausbilderinnen und Ausbilder.",
    format: "workshop",
    timeZone: "Europe/Berlin",
    start: "2030-05-14T09:00",
    end: "2030-05-14T17:00",
    venue: "NOI Techpark",
    address: "Via Alessandro Volta 13",
    city: "Bolzano",
    country: "IT",
    onlineUrl: null,
    workingLanguages: ["de", "it"],
    capacity: null,
    deadline: null,
    organisations: [],
    ...overrides,
  };
}

/** Registering oneself (or, with userId, a colleague) in German, no needs. */
export function registrationInput(overrides: Partial<RegistrationFormData> = {}): RegistrationFormData {
  return {
    preferredLanguage: "de",
    understands: [],
    accessibilityNeeds: "",
    dietaryNeeds: "",
    arrival: null,
    departure: null,
    needsRoom: false,
    ...overrides,
  };
}

/** A session of the default event (14 May 2030, 09:00–17:00 Berlin). */
export function sessionInput(overrides: Partial<SessionFormData> = {}): SessionFormData {
  return {
    title: uniq("Session"),
    start: "2030-05-14T10:00",
    end: "2030-05-14T11:00",
    room: "Sala 1",
    language: "de",
    speakers: [],
    guests: "",
    ...overrides,
  };
}

export function costInput(overrides: Partial<CostFormData> = {}): CostFormData {
  return { kind: "venue", description: "", planned: "100", actual: "", ...overrides };
}

/**
 * Creates and publishes an event through the domain; throws when either step is refused.
 * Returns the form data it was made from, so tests can change one field and call updateEvent.
 */
export async function createPublishedEvent(services: Services, actor: Actor, owner: WorkspaceOwner, overrides: Partial<EventFormData> = {}) {
  const input = eventInput(overrides);
  const created = await createEvent(services, actor, owner, input);
  if (!created.ok) throw new Error(`createEvent refused: ${JSON.stringify(created)}`);
  const published = await changeEventStatus(services, actor, created.id, "publish");
  if (!published.ok) throw new Error(`publish refused: ${published.error}`);
  const row = await findEvent(services.db, created.id);
  if (!row) throw new Error("event vanished");
  return { id: created.id, input, row };
}
