/**
 * Sends to a socket within one turn of the event loop leave it in one system call. Under
 * load, one turn reads frames from many editors, and each update is relayed to every other
 * member of its room: without batching that is one writev per member per update, which the
 * benchmark showed as the largest single cost of relaying. A socket is corked on its first
 * send in a turn and uncorked in the check phase right after the poll phase, so the delay is
 * the rest of the current turn, not a timer.
 */
import type { Socket } from "node:net";

const corked = new Set<Socket>();
let scheduled = false;

function uncorkAll() {
  scheduled = false;
  for (const socket of corked) socket.uncork();
  corked.clear();
}

/** Call before writing to `socket`; its writes go out together once this turn ends. */
export function batchWrites(socket: Socket | undefined): void {
  if (!socket || corked.has(socket)) return;
  socket.cork();
  corked.add(socket);
  if (!scheduled) {
    scheduled = true;
    setImmediate(uncorkAll);
  }
}
