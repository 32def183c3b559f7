/**
 * The library's memory test: "a 1 GB upload streamed through the server keeps its RSS
 * growth under 100 MB". The production bundle runs as a child process on a fresh SQLite
 * database (bench:library's code, bench/library/library-bench.ts); a member logs in over
 * HTTP and uploads 1 GiB with tus-js-client, streamed from a file on disk in 64 MiB PATCHes,
 * while the server's VmRSS is read from /proc every 100 ms. Then the file is downloaded to
 * disk and must be byte-identical (SHA-256). The figures are printed; bench:library measures
 * the same path against a plain copy (bench/README.md).
 *
 * It runs once: in the sqlite project. The server is a child process on a SQLite database
 * of its own whatever the project, so the postgres project would repeat the same upload.
 */
import path from "node:path";
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import {
  GiB,
  downloadToDisk,
  mbPerSecond,
  measured,
  mib,
  sha256OfFile,
  startLibraryServer,
  uploadFromDisk,
  writeSourceFile,
} from "../../bench/library/library-bench";

const BYTES = GiB;
const MAX_RSS_GROWTH = 100 * 1024 * 1024;

describe.skipIf(process.env.TEST_DATABASE !== "sqlite")("a 1 GiB upload through the server (memory)", () => {
  it("streams 1 GiB in and out with the server's RSS growing by less than 100 MiB", { timeout: 300_000 }, async () => {
    const lib = await startLibraryServer();
    try {
      const source = path.join(lib.workDir, "source.bin");
      const expected = await writeSourceFile(source, BYTES);

      const upload = await measured(lib.server, () => uploadFromDisk(lib, source, { name: "one-gibibyte.bin" }));
      const down = await measured(lib.server, () => downloadToDisk(lib, upload.value.downloadPath, path.join(lib.workDir, "download.bin")));
      const got = await sha256OfFile(path.join(lib.workDir, "download.bin"));

      const up = upload.rss!;
      const dn = down.rss!;
      const growth = up.peak - up.before;
      console.log(
        [
          `upload of ${mib(BYTES)} MiB: ${(upload.ms / 1000).toFixed(1)} s (${mbPerSecond(BYTES, upload.ms).toFixed(1)} MB/s); ` +
            `server RSS ${mib(up.before).toFixed(1)} → peak ${mib(up.peak).toFixed(1)} → ${mib(up.after).toFixed(1)} MiB: growth ${mib(growth).toFixed(1)} MiB ` +
            `(${up.samples} samples, longest gap ${up.maxGapMs.toFixed(0)} ms)`,
          `download: ${(down.ms / 1000).toFixed(1)} s (${mbPerSecond(BYTES, down.ms).toFixed(1)} MB/s); ` +
            `server RSS ${mib(dn.before).toFixed(1)} → peak ${mib(dn.peak).toFixed(1)} → ${mib(dn.after).toFixed(1)} MiB: growth ${mib(dn.peak - dn.before).toFixed(1)} MiB`,
        ].join("\n"),
      );

      expect(down.value).toBe(BYTES);
      expect(got, "the downloaded file equals the uploaded one").toBe(expected);
      expect(mib(growth), "the server's RSS growth during the upload, in MiB").toBeLessThan(mib(MAX_RSS_GROWTH));
      expect(mib(dn.peak - dn.before), "the server's RSS growth during the download, in MiB").toBeLessThan(mib(MAX_RSS_GROWTH));
      expect(lib.server.stderrLines, "the server logged no errors").toEqual([]);
    } finally {
      const exit = await lib.close();
      expect(exit.code).toBe(0);
    }
    expect(fs.existsSync(lib.root), "temporary files removed").toBe(false);
  });
});
