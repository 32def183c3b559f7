import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [
    remix({
      // BUILD_DIR lets parallel checkouts/tests build side by side without wiping each other.
      buildDirectory: process.env.BUILD_DIR || "build",
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
    tsconfigPaths(),
  ],
  // Listing client deps up front stops Vite from re-optimising on the first page load,
  // which otherwise leaves the page with two copies of React ("Invalid hook call").
  optimizeDeps: {
    include: [
      "react",
      "react-dom",
      "react-dom/client",
      "react/jsx-runtime",
      "@remix-run/react",
      "i18next",
      "react-i18next",
      "remix-i18next/react",
      "socket.io-client",
      // The work-programme editor, loaded lazily: without these, the first visit to an editor
      // page in dev re-optimises and reloads.
      "yjs",
      "y-websocket",
      "y-protocols/awareness",
      "lib0/decoding",
      "@tiptap/core",
      "@tiptap/extension-blockquote",
      "@tiptap/extension-bold",
      "@tiptap/extension-document",
      "@tiptap/extension-hard-break",
      "@tiptap/extension-heading",
      "@tiptap/extension-horizontal-rule",
      "@tiptap/extension-italic",
      "@tiptap/extension-link",
      "@tiptap/extension-list/bullet-list",
      "@tiptap/extension-list/item",
      "@tiptap/extension-list/keymap",
      "@tiptap/extension-list/ordered-list",
      "@tiptap/extension-paragraph",
      "@tiptap/extension-strike",
      "@tiptap/extension-text",
      "@tiptap/extension-underline",
      "@tiptap/extensions/drop-cursor",
      "@tiptap/extensions/gap-cursor",
      "@tiptap/extension-table/kit",
      "@tiptap/extension-collaboration",
      "@tiptap/extension-collaboration-caret",
      // The comment highlights (app/editor/comment-highlights.client.ts).
      "@tiptap/y-tiptap",
      "@tiptap/pm/state",
      "@tiptap/pm/view",
    ],
    exclude: ["remix-i18next/server"],
  },
  build: {
    target: "es2022",
    // terser with two passes: about 4 % less gzipped JavaScript than esbuild's minifier on every
    // page, which is what keeps pages that do not edit within the 120 KiB budget
    // (scripts/js-budget.mjs, decision 0016).
    // The server's code is not downloaded: left readable, its CPU profiles and stack traces
    // name our functions (bench:pages, docs/decisions/0017).
    minify: isSsrBuild ? false : "terser",
    terserOptions: { compress: { passes: 2 }, format: { comments: false } },
  },
}));
