// `npm start`: serve the production build, building it first when it is missing or older
// than the sources. `npm run dev` is the hot-reloading alternative.
import { spawn, spawnSync } from "node:child_process";
import { BUILD_DIR, buildIsStale } from "./build-freshness.mjs";

if (buildIsStale()) {
  console.log("Building the production bundle (first start or changed sources)…");
  const result = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const child = spawn(process.execPath, ["--enable-source-maps", `${BUILD_DIR}/platform-server.js`], {
  stdio: "inherit",
  env: { NODE_ENV: "production", ...process.env },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
