import type { Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket, { WebSocketServer } from "ws";
import { binaryFrame } from "./frames";

/** A ws server whose one connection writes our frames straight to its socket, and a stock ws client reading them. */
let server: WebSocketServer;
let client: WebSocket;
let serverSide: WebSocket;

beforeAll(async () => {
  server = new WebSocketServer({ port: 0, host: "127.0.0.1", perMessageDeflate: false });
  await new Promise<void>((resolve) => server.once("listening", resolve));
  const { port } = server.address() as { port: number };
  const connected = new Promise<WebSocket>((resolve) => server.once("connection", resolve));
  client = new WebSocket(`ws://127.0.0.1:${port}`, { perMessageDeflate: false, maxPayload: 1024 * 1024 });
  client.binaryType = "nodebuffer";
  serverSide = await connected;
  await new Promise<void>((resolve) => (client.readyState === WebSocket.OPEN ? resolve() : client.once("open", () => resolve())));
});

afterAll(async () => {
  client.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function receive(): Promise<{ data: Buffer; isBinary: boolean }> {
  return new Promise((resolve) => client.once("message", (data: Buffer, isBinary: boolean) => resolve({ data, isBinary })));
}

describe("binaryFrame", () => {
  for (const length of [0, 1, 125, 126, 127, 65_535, 65_536, 70_000]) {
    it(`frames ${length} bytes so that a stock ws client reads them as one binary message`, async () => {
      const payload = Uint8Array.from({ length }, (_, i) => (i * 31 + 7) & 0xff);
      const received = receive();
      (serverSide as unknown as { _socket: Socket })._socket.write(binaryFrame(payload));
      const { data, isBinary } = await received;
      expect(isBinary).toBe(true);
      expect(data.equals(Buffer.from(payload))).toBe(true);
    });
  }

  it("frames a view into a larger buffer by its own bytes only", async () => {
    const backing = Uint8Array.from({ length: 64 }, (_, i) => i);
    const view = backing.subarray(10, 20);
    const received = receive();
    (serverSide as unknown as { _socket: Socket })._socket.write(binaryFrame(view));
    expect((await received).data.equals(Buffer.from(view))).toBe(true);
  });

  it("keeps frames in order with ws's own sends on the same socket", async () => {
    const messages: Buffer[] = [];
    const done = new Promise<void>((resolve) =>
      client.on("message", (data: Buffer) => {
        messages.push(data);
        if (messages.length === 3) resolve();
      }),
    );
    const socket = (serverSide as unknown as { _socket: Socket })._socket;
    socket.write(binaryFrame(Uint8Array.of(1)));
    serverSide.send(Uint8Array.of(2), { binary: true });
    socket.write(binaryFrame(Uint8Array.of(3)));
    await done;
    expect(messages.map((m) => m[0])).toEqual([1, 2, 3]);
  });
});
