// Module boundaries, checked by `npm run lint` (and by `npm test`). Only boundary rules: this is
// not a style pass.
//
//   app/     may not import server/ or db/ at runtime, except in *.server.ts(x) modules (Remix
//            keeps those out of the browser bundle); type-only imports are fine everywhere
//            (they are erased). Routes reach the server through app/lib/<area>.server.ts.
//   db/      may not import server/ or app/, not even types.
//   shared/  may not import server/, db/ or app/, not even types: the browser uses it too.
//
// server/ may import anything, so it is not linted (parsing it would only cost time).
//
// Both the path aliases (tsconfig.json "paths": #server/*, #db/*, ~/* = app/*) and relative
// paths that climb into those folders are caught, in static imports, `export … from`, dynamic
// `import()` and type-level `import("…").T`. `npm run lint` passes --no-inline-config, so a
// boundary cannot be waived by an `eslint-disable` comment in the file that crosses it: change
// this file (and say why) instead.
import tseslint from "typescript-eslint";

const SOURCES = ["**/*.ts", "**/*.tsx", "**/*.mts", "**/*.js", "**/*.jsx", "**/*.mjs"];
const under = (dir) => SOURCES.map((glob) => `${dir}/${glob}`);

/** Import specifiers that reach into one of `dirs`: its alias, or a relative path climbing into it. */
const ALIASES = { server: "#server", db: "#db", app: "~" };
const specifierRegex = (dirs) =>
  `^(?:${dirs.map((dir) => ALIASES[dir]).join("|")}|(?:\\./)?(?:\\.\\./)+(?:${dirs.join("|")}))(?:/|$)`;

/** Static imports and re-exports (`import`, `import type`, `export … from`, `import x = require()`). */
const restrictedImports = (dirs, message, { allowTypeImports = false } = {}) => [
  "error",
  { patterns: [{ regex: specifierRegex(dirs), caseSensitive: true, allowTypeImports, message }] },
];

/** Dynamic `import("…")` and, unless types may cross, type-level `import("…").T`. */
function restrictedSyntax(dirs, message, { allowTypeImports = false } = {}) {
  // An esquery regex literal cannot contain "/": spell it \u002F.
  const regex = `/${specifierRegex(dirs).replaceAll("/", "\\u002F")}/`;
  const selectors = [{ selector: `ImportExpression[source.value=${regex}]`, message }];
  if (!allowTypeImports) selectors.push({ selector: `TSImportType[argument.literal.value=${regex}]`, message });
  return ["error", ...selectors];
}

const APP_MESSAGE =
  "app/ code may not import server/ or db/ modules at runtime outside *.server.ts(x) files. " +
  "Re-export what the loader/action needs from an app/lib/<area>.server.ts module and import that, " +
  "or use `import type` for types.";
const DB_MESSAGE = "db/ may not import server/ or app/ (not even types): db/ sits below both.";
const SHARED_MESSAGE =
  "shared/ may not import server/, db/ or app/ (not even types): it is bundled for the browser and used by every layer.";

export default [
  {
    ignores: ["build*/**", "**/node_modules/**", "public/**", "data/**"],
  },
  {
    files: [...under("app"), ...under("db"), ...under("shared")],
    languageOptions: {
      parser: tseslint.parser,
      ecmaVersion: "latest",
      sourceType: "module",
    },
    plugins: { "@typescript-eslint": tseslint.plugin },
    // Other tools' disable comments (e.g. for rules not enabled here) are not "unused" errors.
    linterOptions: { reportUnusedDisableDirectives: "off" },
  },
  {
    files: under("app"),
    ignores: ["app/**/*.server.ts", "app/**/*.server.tsx"],
    rules: {
      "@typescript-eslint/no-restricted-imports": restrictedImports(["server", "db"], APP_MESSAGE, { allowTypeImports: true }),
      "no-restricted-syntax": restrictedSyntax(["server", "db"], APP_MESSAGE, { allowTypeImports: true }),
    },
  },
  {
    files: under("db"),
    rules: {
      "@typescript-eslint/no-restricted-imports": restrictedImports(["server", "app"], DB_MESSAGE),
      "no-restricted-syntax": restrictedSyntax(["server", "app"], DB_MESSAGE),
    },
  },
  {
    files: under("shared"),
    rules: {
      "@typescript-eslint/no-restricted-imports": restrictedImports(["server", "db", "app"], SHARED_MESSAGE),
      "no-restricted-syntax": restrictedSyntax(["server", "db", "app"], SHARED_MESSAGE),
    },
  },
];
