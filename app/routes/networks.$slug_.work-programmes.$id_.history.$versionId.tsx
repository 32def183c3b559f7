/**
 * /networks/:slug/work-programmes/:id/history/:versionId — one stored version, read-only:
 * its text (rendered from the stored ProseMirror JSON), activities and milestones; with
 * ?compare=1 the word-level changes from this version to the current text. Members restore
 * it (after a confirmation step, ?restore=confirm), which lands on the editor with a notice.
 * Downloads go through the export route with ?version=<id>.
 *
 * Outsiders and versions of other documents are 404; restoring without the right is 403
 * and changes nothing.
 */
import { useEffect, useRef } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { organisationsOfNetwork } from "~/lib/work-programme-document.server";
import { readActivities, readMilestones } from "#shared/collab/work-programme-doc";
import { fixedT } from "#shared/i18n/instance";
import { authorize, notFound } from "~/lib/guards.server";
import { formError, readForm } from "~/lib/forms.server";
import { compareDocuments, deriveContent, docFromState, loadWorkProgrammeHistory, restoreVersion, summarise, versionHistory, versionOfDocument } from "~/lib/history.server";
import { CsrfInput } from "~/components/csrf-input";
import { FormAlert } from "~/components/fields";
import { ProseMirrorView, isEmptyDoc, type PmNode } from "~/components/prosemirror-view";
import { VersionActivities, VersionMilestones } from "~/components/version-structured";
import { versionLabel, versionTitle } from "~/components/version-label";
import { exportHref } from "~/components/export-links";
import { withNotice } from "~/components/route-notice";
import { formatDateTime } from "~/lib/format";
import { pageMeta } from "~/lib/meta";
import { ComparedBlocks } from "~/components/compared-blocks";
import type { DiffBlock } from "#shared/diff-blocks";

export const meta = pageMeta<{ title: string; workProgramme: { title: string } }>((_t, data) => `${data.title} · ${data.workProgramme.title}`);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const page = await loadWorkProgrammeHistory(request, context, params);
  const version = await versionOfDocument(context.services, page.docName, params.versionId);
  if (!version) notFound();
  const summary = summarise(await versionHistory(context.services, page.docName)).find((v) => v.id === version.id);
  if (!summary) notFound();

  const url = new URL(request.url);
  const mode = url.searchParams.get("compare") === "1" ? ("compare" as const) : ("content" as const);
  const doc = docFromState(version.state);
  let content: { json: PmNode; text: string };
  let structured: { activities: ReturnType<typeof readActivities>; milestones: ReturnType<typeof readMilestones> };
  try {
    content = deriveContent(doc, page.document.layout.contentField);
    structured = { activities: readActivities(doc), milestones: readMilestones(doc) };
  } finally {
    doc.destroy();
  }

  let comparison: ReturnType<typeof compareDocuments> | null = null;
  if (mode === "compare") {
    // A private copy of the live document (unsaved edits included); nothing reaches the room.
    const current = await context.documents.read(page.docName);
    try {
      comparison = compareDocuments(content.json, deriveContent(current, page.document.layout.contentField).json);
    } finally {
      current.destroy();
    }
  }
  const organisations = mode === "content" ? await organisationsOfNetwork(context, page.network.id) : [];
  const t = fixedT(context.locale);

  return {
    title: versionTitle(t, summary, context.locale),
    network: { slug: page.network.slug, name: page.network.name },
    workProgramme: { id: page.workProgramme.id, title: page.workProgramme.title, archived: page.archived },
    paths: { ...page.paths, version: `${page.paths.history}/${version.id}` },
    version: summary,
    mode,
    content: mode === "content" ? content.json : null,
    activities: mode === "content" ? structured.activities : [],
    milestones: mode === "content" ? structured.milestones : [],
    organisationNames: Object.fromEntries(organisations.map((o) => [o.id, o.name])),
    comparison,
    canRestore: page.canRestore,
    confirming: page.canRestore && url.searchParams.get("restore") === "confirm",
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const page = await loadWorkProgrammeHistory(request, context, params);
  const version = await versionOfDocument(context.services, page.docName, params.versionId);
  if (!version) notFound();
  // Observers and admins outside the network read only (403); archived programmes stay as they are.
  authorize(page.auth, { type: "document.restore", doc: page.document });
  const form = await readForm(request, context);
  if (form.get("intent") !== "restore") return formError("validation.unknownAction", form);
  const result = await restoreVersion(context.services, context.documents, {
    docName: page.docName,
    versionId: version.id,
    userId: page.auth.user.id,
  });
  // Nothing changed: the page says why (a document nested deeper than the editor allows).
  if (!result.ok && result.error === "tooDeep") return formError("history:restore.tooDeep", form, 409);
  if (!result.ok) notFound();
  return redirect(withNotice(page.paths.editor, "versionRestored"));
}

export default function VersionPage() {
  const { t, i18n } = useTranslation("history");
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const restoreError = result && !result.ok ? result.errors.form : undefined;
  const { network, workProgramme, paths, version, mode } = data;
  const locale = i18n.language;
  const label = versionLabel(t, version);

  return (
    <div className="page">
      <p className="muted">
        <Link to={`/networks/${network.slug}`}>{network.name}</Link> · <Link to={paths.editor}>{workProgramme.title}</Link> ·{" "}
        <Link to={paths.history}>{t("list.title")}</Link>
      </p>
      <p className="version-kicker">{t("version.kicker", { title: workProgramme.title })}</p>
      <h1>{data.title}</h1>

      <dl className="facts version-facts">
        <dt>{t("version.savedAt")}</dt>
        <dd>
          <time dateTime={version.createdAt}>{formatDateTime(version.createdAt, locale)}</time>
        </dd>
        <dt>{t("version.kind")}</dt>
        <dd>
          {t(`kinds.${version.kind}`)}
          {version.kind === "restore" && version.restoredFrom ? (
            <>
              {" "}
              ({t("list.restoredFrom")}{" "}
              <Link to={`${paths.history}/${version.restoredFrom.id}`}>{versionTitle(t, version.restoredFrom, locale)}</Link>)
            </>
          ) : null}
        </dd>
        {version.createdByName ? (
          <>
            <dt>{t("version.createdBy")}</dt>
            <dd>{version.createdByName}</dd>
          </>
        ) : null}
        {version.kind === "auto" ? (
          <>
            <dt>{t("version.contributors")}</dt>
            <dd>
              {version.contributors.length > 0
                ? new Intl.ListFormat(locale, { type: "conjunction" }).format(version.contributors)
                : t("version.nobody")}
            </dd>
          </>
        ) : null}
      </dl>

      <VersionDownloads networkSlug={network.slug} workProgrammeId={workProgramme.id} versionId={version.id} />

      <nav className="version-tabs" aria-label={t("version.tabsLabel")}>
        <ul>
          <li>
            <Link to={paths.version} aria-current={mode === "content" ? "page" : undefined}>
              {t("version.tabContent")}
            </Link>
          </li>
          <li>
            <Link to={`${paths.version}?compare=1`} aria-current={mode === "compare" ? "page" : undefined}>
              {t("version.tabCompare")}
            </Link>
          </li>
        </ul>
      </nav>

      {mode === "compare" && data.comparison ? (
        <Comparison blocks={data.comparison} />
      ) : (
        <>
          <p className="alert alert--info">{t("version.readOnly")}</p>
          <section className="wp-section" aria-labelledby="version-text-heading">
            <h2 id="version-text-heading">{t("version.textHeading")}</h2>
            {data.content && !isEmptyDoc(data.content) ? (
              <ProseMirrorView doc={data.content} headingOffset={2} className="pm-view version-text" />
            ) : (
              <p className="empty">{t("version.emptyText")}</p>
            )}
          </section>
          <VersionActivities activities={data.activities} organisationNames={data.organisationNames} locale={locale} />
          <VersionMilestones milestones={data.milestones} locale={locale} />
        </>
      )}

      {data.canRestore ? <RestoreSection confirming={data.confirming} label={label} paths={paths} mode={mode} error={restoreError} /> : null}
      {workProgramme.archived ? <p className="alert alert--info">{t("list.archivedNote")}</p> : null}

      <p>
        <Link to={paths.history}>{t("version.backToHistory")}</Link>
      </p>
    </div>
  );
}

function VersionDownloads({ networkSlug, workProgrammeId, versionId }: { networkSlug: string; workProgrammeId: string; versionId: string }) {
  const { t } = useTranslation("history");
  const href = (format: "docx" | "pdf") => `${exportHref(networkSlug, workProgrammeId, format)}?version=${encodeURIComponent(versionId)}`;
  return (
    <div className="actions export-links" role="group" aria-label={t("version.downloadsLabel")}>
      {/* Plain links: the files come from a resource route and are fetched as documents. */}
      <a className="button button--quiet button--small" href={href("docx")} aria-describedby="version-download-hint">
        {t("version.docx")}
      </a>
      <a className="button button--quiet button--small" href={href("pdf")} aria-describedby="version-download-hint">
        {t("version.pdf")}
      </a>
      <span id="version-download-hint" className="muted">
        {t("version.downloadHint")}
      </span>
    </div>
  );
}

function Comparison({ blocks }: { blocks: DiffBlock[] }) {
  const { t } = useTranslation("history");
  const changed = blocks.some((b) => b.status !== "same");
  return (
    <section className="wp-section" aria-labelledby="compare-heading">
      <h2 id="compare-heading">{t("compare.heading")}</h2>
      <p>{t("compare.intro")}</p>
      {!changed ? (
        <p className="alert alert--info">{t("compare.identical")}</p>
      ) : (
        <>
          <div className="diff-legend">
            <h3 id="diff-legend-heading" className="diff-legend__heading">
              {t("compare.legendLabel")}
            </h3>
            <ul aria-labelledby="diff-legend-heading">
              <li>
                <ins className="diff-added">{t("compare.legendSampleAdded")}</ins> {t("compare.legendAdded")}
              </li>
              <li>
                <del className="diff-removed">{t("compare.legendSampleRemoved")}</del> {t("compare.legendRemoved")}
              </li>
            </ul>
          </div>
          <ComparedBlocks blocks={blocks} />
        </>
      )}
    </section>
  );
}

function RestoreSection({
  confirming,
  label,
  paths,
  mode,
  error,
}: {
  confirming: boolean;
  label: string;
  paths: { version: string };
  mode: "content" | "compare";
  error?: string | undefined;
}) {
  const { t } = useTranslation("history");
  const navigation = useNavigation();
  const heading = useRef<HTMLHeadingElement>(null);
  // The confirmation replaces the button: move the focus to it so keyboard and screen-reader users land there.
  useEffect(() => {
    if (confirming) heading.current?.focus();
  }, [confirming]);
  const back = mode === "compare" ? `${paths.version}?compare=1` : paths.version;
  return (
    <section className="card version-restore" aria-labelledby="restore-heading">
      {confirming ? (
        <>
          <h2 id="restore-heading" ref={heading} tabIndex={-1}>
            {t("restore.confirmHeading")}
          </h2>
          <p>{t("restore.confirmBody", { version: label })}</p>
          <div className="actions">
            <Form method="post" action={paths.version} className="inline-form">
              <CsrfInput />
              <input type="hidden" name="intent" value="restore" />
              <button type="submit" className="button" disabled={navigation.state === "submitting"}>
                {t("restore.confirm")}
              </button>
            </Form>
            <Link to={back} className="button button--quiet">
              {t("restore.cancel")}
            </Link>
          </div>
        </>
      ) : (
        <>
          <h2 id="restore-heading">{t("restore.heading")}</h2>
          <FormAlert error={error} />
          <p>{t("restore.explain")}</p>
          <Link to={`${back}${back.includes("?") ? "&" : "?"}restore=confirm`} className="button">
            {t("restore.start")}
          </Link>
        </>
      )}
    </section>
  );
}
