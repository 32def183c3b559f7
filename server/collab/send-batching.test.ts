import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { batchWrites } from "./send-batching";

const sockets: net.Socket[] = [];
let server: net.Server | null = null;
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

async function socketPair(): Promise<{ writer: net.Socket; received: () => string; until: (text: string) => Promise<void> }> {
  let data = "";
  const waiters: Array<() => void> = [];
  server = net.createServer((peer) => {
    sockets.push(peer);
    peer.on("data", (chunk) => {
      data += chunk.toString();
      waiters.splice(0).forEach((w) => w());
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  const writer = net.connect(port, "127.0.0.1");
  sockets.push(writer);
  await new Promise<void>((resolve) => writer.once("connect", () => resolve()));
  const until = async (text: string) => {
    while (!data.includes(text)) await new Promise<void>((resolve) => waiters.push(resolve));
  };
  return { writer, received: () => data, until };
}

describe("send batching", () => {
  it("holds a socket's writes until the current turn ends, then sends all of them in order", async () => {
    const { writer, until, received } = await socketPair();
    batchWrites(writer);
    batchWrites(writer); // a second send in the same turn does not cork twice
    writer.write("a");
    writer.write("b");
    writer.write("c");
    expect(writer.writableCorked).toBe(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(writer.writableCorked).toBe(0);
    await until("abc");
    expect(received()).toBe("abc");
  });

  it("corks again in the next turn, and ignores a missing socket", async () => {
    const { writer, until } = await socketPair();
    batchWrites(undefined);
    batchWrites(writer);
    writer.write("1");
    await new Promise((resolve) => setImmediate(resolve));
    batchWrites(writer);
    expect(writer.writableCorked).toBe(1);
    writer.write("2");
    await new Promise((resolve) => setImmediate(resolve));
    await until("12");
  });
});
