/**
 * Which interpreting an event needs: per session, the directions "session language → target"
 * and how many people each target serves, and how that compares with what is booked.
 * Pure: the caller loads sessions, registrations and bookings.
 */
import { EVENT_LANGUAGES, type EventLanguage } from "./event-vocabulary";

export interface InterpretingParticipant {
  preferred: EventLanguage;
  /** May or may not list `preferred`; the preferred language always counts as understood. */
  understands: readonly EventLanguage[];
}

export interface InterpretingSession {
  id: string;
  language: EventLanguage;
}

export interface InterpretingNeed {
  sessionId: string;
  from: EventLanguage;
  to: EventLanguage;
  people: number;
}

export interface InterpretingBooking {
  sessionId: string;
  from: EventLanguage;
  to: EventLanguage;
}

export interface InterpretingSummaryLine {
  from: EventLanguage;
  to: EventLanguage;
  sessions: Array<{ sessionId: string; people: number; booked: boolean }>;
  /** The booth must be sized for the fullest session of this direction. */
  maxPeople: number;
  unbookedSessions: number;
}

const understands = (participant: InterpretingParticipant, language: EventLanguage): boolean =>
  participant.preferred === language || participant.understands.includes(language);

/**
 * The targets of one session, in the order greedy picks them. Every booth costs an interpreter
 * team, so each pick is the target serving the most people still unserved; ties go to the
 * target more of them prefer (listening in one's own language is better), then to the fixed
 * language order so the result never depends on input order.
 */
function chooseTargets(session: InterpretingSession, needy: readonly InterpretingParticipant[]): EventLanguage[] {
  const chosen: EventLanguage[] = [];
  let unserved = needy;
  while (unserved.length > 0) {
    let best: { language: EventLanguage; served: number; preferring: number } | null = null;
    for (const language of EVENT_LANGUAGES) {
      if (language === session.language || chosen.includes(language)) continue;
      const served = unserved.filter((p) => understands(p, language)).length;
      const preferring = unserved.filter((p) => p.preferred === language).length;
      // Strict comparison keeps the earlier language on a full tie.
      if (served > 0 && (best === null || served > best.served || (served === best.served && preferring > best.preferring))) {
        best = { language, served, preferring };
      }
    }
    // Cannot happen: a needy person's preferred language is never the session's. Guarded all the same.
    if (best === null) break;
    const target = best.language;
    chosen.push(target);
    unserved = unserved.filter((p) => !understands(p, target));
  }
  return chosen;
}

/** Each needy person is counted once: under their preferred target if booked, else the first one picked they understand. */
function countedUnder(participant: InterpretingParticipant, chosen: readonly EventLanguage[]): EventLanguage | undefined {
  return chosen.includes(participant.preferred) ? participant.preferred : chosen.find((language) => understands(participant, language));
}

/** The interpreting each session needs, by session order and then target order (de, it, en). */
export function interpretingNeeds(sessions: readonly InterpretingSession[], participants: readonly InterpretingParticipant[]): InterpretingNeed[] {
  const needs: InterpretingNeed[] = [];
  for (const session of sessions) {
    const needy = participants.filter((p) => !understands(p, session.language));
    const chosen = chooseTargets(session, needy);
    const people = new Map<EventLanguage, number>();
    for (const participant of needy) {
      const target = countedUnder(participant, chosen);
      if (target !== undefined) people.set(target, (people.get(target) ?? 0) + 1);
    }
    for (const to of EVENT_LANGUAGES) {
      const count = people.get(to) ?? 0;
      if (count > 0) needs.push({ sessionId: session.id, from: session.language, to, people: count });
    }
  }
  return needs;
}

const sameBooking = (a: InterpretingBooking, b: InterpretingBooking): boolean => a.sessionId === b.sessionId && a.from === b.from && a.to === b.to;

/** One line per direction across the event, ordered by source then target language (de, it, en). */
export function interpretingSummary(needs: readonly InterpretingNeed[], booked: readonly InterpretingBooking[]): InterpretingSummaryLine[] {
  const lines: InterpretingSummaryLine[] = [];
  for (const from of EVENT_LANGUAGES) {
    for (const to of EVENT_LANGUAGES) {
      const sessions = needs
        .filter((need) => need.from === from && need.to === to)
        .map((need) => ({ sessionId: need.sessionId, people: need.people, booked: booked.some((b) => sameBooking(b, need)) }));
      if (sessions.length === 0) continue;
      lines.push({
        from,
        to,
        sessions,
        maxPeople: Math.max(...sessions.map((s) => s.people)),
        unbookedSessions: sessions.filter((s) => !s.booked).length,
      });
    }
  }
  return lines;
}

/** Bookings no current need asks for (languages or registrations changed), in input order: candidates to cancel. */
export function staleBookings(needs: readonly InterpretingNeed[], booked: readonly InterpretingBooking[]): InterpretingBooking[] {
  return booked.filter((booking) => !needs.some((need) => sameBooking(booking, need)));
}
