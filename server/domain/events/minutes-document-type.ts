/**
 * `minutes.<event id>` documents: the minutes of an event, co-written live during the meeting
 * (text, attendees, decisions, action items). They belong to the event's owner (a network,
 * or the commons) and follow the document policy of that owner; they exist for published
 * and held events (a draft's minutes are nobody's business yet: 404), and are read-only
 * once the event is cancelled.
 */
import type { DocumentType } from "#server/documents/document-type";
import type { DocumentState } from "#shared/policy";
import type { EventStatus } from "#shared/events/event-vocabulary";
import { minutesLayout } from "#shared/collab/minutes-doc";
import { findEvent } from "#db/queries/events";
import { findNetworkById } from "#db/queries/networks";
import { eventPath, ownerOfEvent } from "./event-subject";
import { exportMinutes } from "./minutes-export";

const EVENT_ID = /^[A-Za-z0-9-]{1,64}$/;

export const minutesStateOf = (status: EventStatus): DocumentState => (status === "cancelled" ? "frozen" : "open");

export const minutesPath = (networkSlug: string | null, eventId: string) => `${eventPath(networkSlug, eventId)}/minutes`;

export const minutesDocumentType: DocumentType = {
  layout: minutesLayout,
  async resolve(services, id) {
    if (!EVENT_ID.test(id)) return null;
    const event = await findEvent(services.db, id);
    if (!event || event.status === "draft") return null;
    const network = event.network_id === null ? null : await findNetworkById(services.db, event.network_id);
    if (event.network_id !== null && !network) return null;
    return {
      owner: ownerOfEvent(event),
      state: minutesStateOf(event.status),
      title: event.title,
      path: minutesPath(network?.slug ?? null, event.id),
    };
  },
  exportFile: exportMinutes,
};
