/**
 * What instances that hold the same document tell each other (over the cluster channel
 * `collab:<docName>`). Peers are trusted: they checked each update against the policy, the
 * limits and the client-id owners before they applied it, so a peer's update is applied as is.
 *
 *   update     an update one of the sender's connections (or the server) applied, and who made it
 *   awareness  presence changes, already numbered by the instance that holds the connection
 *   claim      a client id now belongs to a person (authorship and caret ownership)
 *   sync       "this is my state vector": every holder answers with what the asker lacks
 *   syncReply  the answer, addressed to one instance, with the answerer's own presence and
 *              state vector (the asker sends back what the answerer lacks)
 */
import * as encoding from "lib0/encoding";
import * as decoding from "lib0/decoding";

const UPDATE = 0;
const AWARENESS = 1;
const CLAIM = 2;
const SYNC = 3;
const SYNC_REPLY = 4;

export type PeerMessage =
  | { type: "update"; contributorId: string; update: Uint8Array }
  | { type: "awareness"; update: Uint8Array }
  | { type: "claim"; clientId: number; userId: string }
  | { type: "sync"; from: string; stateVector: Uint8Array }
  | { type: "syncReply"; to: string; update: Uint8Array; awareness: Uint8Array; stateVector: Uint8Array };

export function encodePeerMessage(message: PeerMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  switch (message.type) {
    case "update":
      encoding.writeVarUint(encoder, UPDATE);
      encoding.writeVarString(encoder, message.contributorId);
      encoding.writeVarUint8Array(encoder, message.update);
      break;
    case "awareness":
      encoding.writeVarUint(encoder, AWARENESS);
      encoding.writeVarUint8Array(encoder, message.update);
      break;
    case "claim":
      encoding.writeVarUint(encoder, CLAIM);
      encoding.writeVarUint(encoder, message.clientId);
      encoding.writeVarString(encoder, message.userId);
      break;
    case "sync":
      encoding.writeVarUint(encoder, SYNC);
      encoding.writeVarString(encoder, message.from);
      encoding.writeVarUint8Array(encoder, message.stateVector);
      break;
    case "syncReply":
      encoding.writeVarUint(encoder, SYNC_REPLY);
      encoding.writeVarString(encoder, message.to);
      encoding.writeVarUint8Array(encoder, message.update);
      encoding.writeVarUint8Array(encoder, message.awareness);
      encoding.writeVarUint8Array(encoder, message.stateVector);
      break;
  }
  return encoding.toUint8Array(encoder);
}

export function decodePeerMessage(bytes: Uint8Array): PeerMessage {
  const decoder = decoding.createDecoder(bytes);
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case UPDATE:
      return { type: "update", contributorId: decoding.readVarString(decoder), update: decoding.readVarUint8Array(decoder) };
    case AWARENESS:
      return { type: "awareness", update: decoding.readVarUint8Array(decoder) };
    case CLAIM:
      return { type: "claim", clientId: decoding.readVarUint(decoder), userId: decoding.readVarString(decoder) };
    case SYNC:
      return { type: "sync", from: decoding.readVarString(decoder), stateVector: decoding.readVarUint8Array(decoder) };
    case SYNC_REPLY:
      return {
        type: "syncReply",
        to: decoding.readVarString(decoder),
        update: decoding.readVarUint8Array(decoder),
        awareness: decoding.readVarUint8Array(decoder),
        stateVector: decoding.readVarUint8Array(decoder),
      };
    default:
      throw new Error(`unknown peer message type ${type}`);
  }
}
