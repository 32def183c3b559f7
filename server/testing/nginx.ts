/**
 * A real nginx (Debian's /usr/sbin/nginx) in front of test upstreams, running the shipped
 * deploy/nginx/connactions.conf: only its upstream `server` lines and its `listen` line are
 * swapped, so a test of the proxy is a test of the file people copy to /etc/nginx.
 *
 * Everything nginx writes (pid, logs, temp files for request bodies) goes to a temp dir.
 * `master_process off`: one process, no worker switching to `nobody` when the tests run as
 * root, which could then not write request bodies into our root-owned temp dir.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "./server-process";

export const NGINX_BIN = "/usr/sbin/nginx";
const SHIPPED_CONF = fileURLToPath(new URL("../../deploy/nginx/connactions.conf", import.meta.url));
const MIME_TYPES = "/etc/nginx/mime.types";

export interface StartNginxOptions {
  /** Ports of the app instances on 127.0.0.1; every upstream block gets all of them. */
  upstreamPorts: number[];
  /** Where nginx listens on 127.0.0.1; a free port when omitted. */
  port?: number;
}

export interface RunningNginx {
  url: string;
  port: number;
  /** The generated nginx.conf and its logs live here until stop(). */
  dir: string;
  /** error.log so far, for failure messages. */
  errorLog(): string;
  stop(): Promise<void>;
}

/** null when nginx can run here; otherwise what to do about it. */
export function nginxAvailable(): string | null {
  try {
    fs.accessSync(NGINX_BIN, fs.constants.X_OK);
    return null;
  } catch {
    return `${NGINX_BIN} is missing or not executable: apt-get install -y nginx`;
  }
}

/**
 * The shipped config with each upstream's server list replaced by `upstreamPorts` (keeping the
 * parameters of its first server line, e.g. max_fails) and its listen line by `port`.
 * Throws when the file no longer has the shape this relies on, rather than testing something else.
 */
export function adaptShippedConfig(source: string, upstreamPorts: number[], port: number): string {
  if (upstreamPorts.length === 0) throw new Error("startNginx: upstreamPorts is empty");
  let upstreams = 0;
  let adapted = source.replace(/^([ \t]*)upstream\s+([\w.-]+)\s*\{([^}]*)\}/gm, (_block, indent: string, name: string, body: string) => {
    upstreams++;
    const serverLine = /^[ \t]*server\s+\S+([^;\n]*);[ \t]*\n?/gm;
    const first = serverLine.exec(body);
    if (!first) throw new Error(`deploy/nginx/connactions.conf: upstream ${name} has no server line`);
    const inner = first[0].match(/^[ \t]*/)?.[0] ?? "    ";
    const servers = upstreamPorts.map((p) => `${inner}server 127.0.0.1:${p}${first[1]};\n`).join("");
    let placed = false;
    const newBody = body.replace(serverLine, () => {
      if (placed) return "";
      placed = true;
      return servers;
    });
    return `${indent}upstream ${name} {${newBody}}`;
  });
  if (upstreams === 0) throw new Error("deploy/nginx/connactions.conf: no upstream block found");

  let listens = 0;
  adapted = adapted.replace(/^([ \t]*)listen\s+[^;]+;[ \t]*\n/gm, (_line, indent: string) =>
    listens++ === 0 ? `${indent}listen 127.0.0.1:${port};\n` : "",
  );
  if (listens === 0) throw new Error("deploy/nginx/connactions.conf: no listen line found");
  return adapted;
}

function mainConfig(dir: string, httpInclude: string): string {
  const temp = (name: string) => path.join(dir, "temp", name);
  return [
    "daemon off;",
    "master_process off;",
    "worker_processes 1;",
    `pid ${path.join(dir, "nginx.pid")};`,
    `error_log ${path.join(dir, "error.log")} info;`,
    "events { worker_connections 1024; }",
    "http {",
    fs.existsSync(MIME_TYPES) ? `    include ${MIME_TYPES};` : "    types { text/html html; }",
    "    default_type application/octet-stream;",
    `    access_log ${path.join(dir, "access.log")};`,
    `    client_body_temp_path ${temp("client_body")};`,
    `    proxy_temp_path ${temp("proxy")};`,
    `    fastcgi_temp_path ${temp("fastcgi")};`,
    `    uwsgi_temp_path ${temp("uwsgi")};`,
    `    scgi_temp_path ${temp("scgi")};`,
    `    include ${httpInclude};`,
    "}",
    "",
  ].join("\n");
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

export async function startNginx(options: StartNginxOptions): Promise<RunningNginx> {
  const missing = nginxAvailable();
  if (missing) throw new Error(missing);
  const port = options.port ?? (await freePort());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "connactions-nginx-"));
  const removeDir = () => fs.rmSync(dir, { recursive: true, force: true });
  const errorLogPath = path.join(dir, "error.log");
  const errorLog = () => (fs.existsSync(errorLogPath) ? fs.readFileSync(errorLogPath, "utf8") : "");

  const confPath = path.join(dir, "nginx.conf");
  try {
    fs.mkdirSync(path.join(dir, "temp"));
    const site = adaptShippedConfig(fs.readFileSync(SHIPPED_CONF, "utf8"), options.upstreamPorts, port);
    fs.writeFileSync(path.join(dir, "connactions.conf"), site);
    fs.writeFileSync(confPath, mainConfig(dir, path.join(dir, "connactions.conf")));
  } catch (error) {
    removeDir();
    throw error;
  }
  // -p: relative paths resolve here; -e: the log nginx opens before it has read the config.
  const args = ["-p", dir, "-e", errorLogPath, "-c", confPath];

  const check = spawnSync(NGINX_BIN, ["-t", "-q", ...args], { encoding: "utf8" });
  if (check.status !== 0) {
    removeDir();
    throw new Error(`nginx rejected the generated config:\n${check.stderr}${check.error ? String(check.error) : ""}`);
  }

  const child = spawn(NGINX_BIN, args, { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  let spawnError: Error | undefined;
  let running = true;
  const exited = new Promise<void>((resolve) => {
    child.once("exit", () => {
      running = false;
      resolve();
    });
    child.once("error", (error) => {
      spawnError = error;
      running = false;
      resolve();
    });
  });

  const stop = async () => {
    if (running) {
      // TERM is nginx's fast shutdown: open WebSockets are cut, which a graceful QUIT would wait for.
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(killer);
    }
    removeDir();
  };

  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (!running) break;
    if (await canConnect(port)) {
      return { url: `http://127.0.0.1:${port}`, port, dir, errorLog, stop };
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const why = `${spawnError ? `${spawnError.message}\n` : ""}${output}${errorLog()}`;
  await stop();
  throw new Error(`nginx did not start listening on 127.0.0.1:${port}:\n${why}`);
}
