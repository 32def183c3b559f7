// Bundles server/index.ts into build/platform-server.js after `remix vite:build`
// (which wipes build/). Packages stay external: one copy of each in node_modules.
import { build } from "esbuild";

await build({
  entryPoints: ["server/index.ts"],
  outfile: `${process.env.BUILD_DIR || "build"}/platform-server.js`,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
  tsconfig: "tsconfig.json",
});
console.log(`server bundled: ${process.env.BUILD_DIR || "build"}/platform-server.js`);

// The build is complete only now; stamp it so start and tests know it is current.
const { markBuilt } = await import("./build-freshness.mjs");
markBuilt();
