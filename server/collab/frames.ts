/**
 * A message framed once as a WebSocket binary frame, to be written as it is to every socket
 * that receives it. ws frames each send anew (a header, a copy of the payload into a Buffer
 * view, two writes and a callback per recipient); a room relays every update to all its
 * other members, so framing once per update instead of once per recipient saves that work
 * for each delivery.
 *
 * Server-to-client frames are never masked (RFC 6455, section 5.1) and we never compress
 * (`perMessageDeflate: false`), so the frame is the same for every recipient: FIN + binary
 * opcode, the payload length in 7, 7+16 or 7+64 bits (section 5.2), then the payload.
 */
export type Frame = Buffer;

const FIN_BINARY = 0x82;

export function binaryFrame(payload: Uint8Array): Frame {
  const length = payload.byteLength;
  const header = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(header + length);
  frame[0] = FIN_BINARY;
  if (length < 126) frame[1] = length;
  else if (length < 65_536) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeUInt32BE(Math.floor(length / 2 ** 32), 2);
    frame.writeUInt32BE(length >>> 0, 6);
  }
  frame.set(payload, header);
  return frame;
}
