/**
 * /networks/:slug/work-programmes/:id/history — every stored version of a work programme,
 * newest first: when, what (name, automatic, restored from …) and who changed the text
 * since the version before. Everyone who can see the network reads it; coordinators name
 * the current state ("sent to the advisory board, March"), which notifies its editors.
 * The trailing underscore after $id keeps this page out of the editor page's layout.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { namedVersionForm } from "#shared/validation/history-forms";
import { authorize } from "~/lib/guards.server";
import { formError, invalid, parseWith, readForm } from "~/lib/forms.server";
import { createNamedVersion, loadWorkProgrammeHistory, summarise, versionHistory } from "~/lib/history.server";
import { CsrfInput } from "~/components/csrf-input";
import { FormAlert, Notice, TextField } from "~/components/fields";
import { versionLabel, versionTitle } from "~/components/version-label";
import { formatDateTime } from "~/lib/format";
import { pageMeta } from "~/lib/meta";

export const meta = pageMeta<{ workProgramme: { title: string } }>((t, data) => `${t("history:list.title")} · ${data.workProgramme.title}`);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const page = await loadWorkProgrammeHistory(request, context, params);
  return {
    network: { slug: page.network.slug, name: page.network.name },
    workProgramme: { id: page.workProgramme.id, title: page.workProgramme.title, archived: page.archived },
    paths: page.paths,
    versions: summarise(await versionHistory(context.services, page.docName)),
    canName: page.canName,
    canRestore: page.canRestore,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const page = await loadWorkProgrammeHistory(request, context, params);
  authorize(page.auth, { type: "document.manage", doc: page.document });
  const form = await readForm(request, context);
  if (form.get("intent") !== "name") return formError("validation.unknownAction", form);
  const parsed = parseWith(namedVersionForm, form);
  if (!parsed.ok) return invalid(parsed);
  const version = await createNamedVersion(context.services, context.documents, {
    docName: page.docName,
    name: parsed.data.name,
    userId: page.auth.user.id,
    announce: true,
  });
  return { ok: true as const, id: version.id, name: parsed.data.name };
}

export default function VersionHistoryPage() {
  const { t, i18n } = useTranslation("history");
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors: Record<string, string> = result && !result.ok ? result.errors : {};
  const values: Record<string, unknown> = result && !result.ok ? result.values : {};
  const { network, workProgramme, paths, versions } = data;
  const locale = i18n.language;

  return (
    <div className="page">
      <p className="muted">
        <Link to={`/networks/${network.slug}`}>{network.name}</Link> · <Link to={paths.editor}>{workProgramme.title}</Link>
      </p>
      <h1>{t("list.title")}</h1>
      <p>{t("list.intro")}</p>
      {workProgramme.archived ? <p className="alert alert--info">{t("list.archivedNote")}</p> : null}
      {result?.ok ? <Notice>{t("name.done", { name: result.name })}</Notice> : null}

      {data.canName ? (
        <section aria-labelledby="name-version-heading" className="card version-name">
          <h2 id="name-version-heading">{t("name.heading")}</h2>
          {/* A new key after each success empties the field for the next name. */}
          <Form method="post" noValidate key={result?.ok ? result.id : "name-form"}>
            <CsrfInput />
            <input type="hidden" name="intent" value="name" />
            <FormAlert error={errors.form} />
            <TextField
              name="name"
              label={t("name.label")}
              hint={t("name.hint")}
              defaultValue={typeof values.name === "string" ? values.name : ""}
              error={errors.name}
              required
            />
            <button type="submit" className="button" disabled={navigation.state === "submitting"}>
              {t("name.submit")}
            </button>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="versions-heading">
        <h2 id="versions-heading">{t("list.heading")}</h2>
        {versions.length === 0 ? (
          <p className="empty">{t("list.empty")}</p>
        ) : (
          <ol className="version-list" aria-labelledby="versions-heading">
            {versions.map((v) => {
              const title = versionTitle(t, v, locale);
              return (
                <li key={v.id} className={`card version-list__item version-list__item--${v.kind}`} data-version-id={v.id}>
                  <h3 className="version-list__title">
                    <Link to={`${paths.history}/${v.id}`}>{title}</Link>
                  </h3>
                  <p className="version-list__meta">
                    {v.kind !== "auto" ? <span className={`badge version-kind version-kind--${v.kind}`}>{t(`kinds.${v.kind}`)}</span> : null}{" "}
                    <time dateTime={v.createdAt}>{formatDateTime(v.createdAt, locale)}</time>
                    {v.kind === "named" && v.createdByName ? <> · {t("list.namedBy", { name: v.createdByName })}</> : null}
                    {v.kind === "restore" && v.createdByName ? <> · {t("list.restoredBy", { name: v.createdByName })}</> : null}
                  </p>
                  {v.kind === "restore" ? (
                    <p className="version-list__source">
                      {v.restoredFrom ? (
                        <>
                          {t("list.restoredFrom")}{" "}
                          <Link to={`${paths.history}/${v.restoredFrom.id}`}>{versionTitle(t, v.restoredFrom, locale)}</Link>
                        </>
                      ) : (
                        t("list.restoredFromUnknown")
                      )}
                    </p>
                  ) : null}
                  {v.kind === "auto" ? (
                    // Named and restored versions record only who named or restored them (shown above).
                    <p className="version-list__contributors">
                      {v.contributors.length > 0
                        ? t("list.contributors", { names: new Intl.ListFormat(locale, { type: "conjunction" }).format(v.contributors) })
                        : t("list.noContributors")}
                    </p>
                  ) : null}
                  <p className="version-list__actions">
                    <Link to={`${paths.history}/${v.id}?compare=1`}>
                      {t("list.compare")}
                      <span className="visually-hidden"> – {versionLabel(t, v)}, {formatDateTime(v.createdAt, locale)}</span>
                    </Link>
                  </p>
                </li>
              );
            })}
          </ol>
        )}
      </section>

      <p>
        <Link to={paths.editor}>{t("list.backToEditor")}</Link>
      </p>
    </div>
  );
}
