import { describe, expect, it, vi } from "vitest";
import type { Logger } from "#server/log";
import { errorPage, exportDownload, translateNotFound } from "./download";
import { exportWorkProgramme, type ExportSource } from "./export-work-programme";

const source: ExportSource = {
  networkName: "Netz",
  title: "Arbeitsprogramm",
  date: "2026-11-21T09:30:00.000Z",
  json: { type: "doc", content: [] },
  activities: [],
  milestones: [],
  organisationNames: new Map(),
};

const logger = () => ({ debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() }) satisfies Logger;
const back = { href: "/networks/n/work-programmes/w", label: "Zurück" };

describe("export downloads", () => {
  it("answers the file as an attachment that is never cached", async () => {
    const response = await exportDownload({ format: "pdf", locale: "de", log: logger(), docName: "workprogramme.w", back, file: () => exportWorkProgramme(source, "pdf", "de") });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="Arbeitsprogramm_Netz_2026-11-21\.pdf"/);
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.subarray(0, 5).toString()).toBe("%PDF-");
    expect(response.headers.get("content-length")).toBe(String(body.length));
  });

  it("logs a failed generation and answers a translated 500 page without details", async () => {
    const log = logger();
    const failure = new Error("secret internal detail");
    let thrown: unknown;
    try {
      await exportDownload({
        format: "docx",
        locale: "it",
        log,
        docName: "workprogramme.w",
        back,
        file: () => Promise.reject(failure),
      });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Response);
    const response = thrown as Response;
    expect(response.status).toBe(500);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await response.text();
    expect(html).toContain('<html lang="it">');
    expect(html).toContain("Esportazione non riuscita");
    expect(html).toContain("Il programma di lavoro non è stato modificato");
    expect(html).toContain('href="/networks/n/work-programmes/w"');
    expect(html).not.toContain("secret internal detail");
    expect(log.error).toHaveBeenCalledWith(expect.stringContaining("workprogramme.w"), failure);
  });

  it("also catches failures while reading the document", async () => {
    const log = logger();
    await expect(
      exportDownload({ format: "pdf", locale: "en", log, docName: "workprogramme.w", back, file: () => Promise.reject(new Error("db down")) }),
    ).rejects.toSatisfy((r) => r instanceof Response && r.status === 500);
    expect(log.error).toHaveBeenCalledOnce();
  });

  it("turns the guards' bare 404 into a translated page and lets redirects through", async () => {
    const translated = translateNotFound(new Response("Not Found", { status: 404 }), "de") as Response;
    expect(translated.status).toBe(404);
    expect(await translated.text()).toContain("Seite nicht gefunden");
    const redirect = new Response(null, { status: 302, headers: { Location: "/login" } });
    expect(translateNotFound(redirect, "de")).toBe(redirect);
    expect((await errorPage(404, "en").text()).includes("<script")).toBe(false);
  });
});
