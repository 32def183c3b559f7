/**
 * Child-process entry of the bare relay: the least work any fan-out server can do on the
 * same ws library — receive a frame, write it to N-1 sockets. No state, no parsing.
 */
import http from "node:http";
import { WebSocketServer, WebSocket } from "ws";

const port = Number(process.env.PORT);
const rooms = new Map<string, Set<WebSocket>>();
const server = http.createServer((_req, res) => {
  res.writeHead(200, { "Content-Type": "text/plain" });
  res.end("okay");
});
const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });

server.on("upgrade", (req, socket, head) => {
  const room = (req.url ?? "/").split("?")[0] ?? "/";
  wss.handleUpgrade(req, socket, head, (ws) => {
    let members = rooms.get(room);
    if (!members) rooms.set(room, (members = new Set()));
    const peers = members;
    peers.add(ws);
    ws.on("message", (data: Buffer, isBinary: boolean) => {
      for (const peer of peers) if (peer !== ws && peer.readyState === WebSocket.OPEN) peer.send(data, { binary: isBinary });
    });
    ws.on("close", () => {
      peers.delete(ws);
      if (peers.size === 0) rooms.delete(room);
    });
  });
});

server.listen(port, "127.0.0.1");
process.on("SIGTERM", () => process.exit(0));
