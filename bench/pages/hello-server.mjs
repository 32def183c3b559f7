// The reference: the smallest useful node:http server. One process, like ours.
import http from "node:http";

const port = Number(process.env.PORT);
http
  .createServer((req, res) => {
    res.writeHead(200, { "Content-Type": "text/plain; charset=utf-8", "Content-Length": "5" });
    res.end("hello");
  })
  .listen(port, "127.0.0.1");
