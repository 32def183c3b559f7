/**
 * Child-process entry of the reference server. Mirrors the package's own server.js but
 * uses the project's ws 8 (same as ours and the relay, so the WebSocket layer is equal)
 * and passes the document name explicitly from our /collab/<docName> URLs.
 */
import http from "node:http";
import { WebSocketServer } from "ws";
import { setupWSConnection } from "@y/websocket-server/utils";

const port = Number(process.env.PORT);
const server = http.createServer((_req, res) => {
  res.writeHead(200, { "Content-Type": "text/plain" });
  res.end("okay");
});
const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });

server.on("upgrade", (req, socket, head) => {
  const pathname = (req.url ?? "/").split("?")[0] ?? "/";
  const docName = decodeURIComponent(pathname.replace(/^\/collab\//, ""));
  wss.handleUpgrade(req, socket, head, (ws) => setupWSConnection(ws, req, { docName }));
});

server.listen(port, "127.0.0.1");
process.on("SIGTERM", () => process.exit(0));
