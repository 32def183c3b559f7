/**
 * /networks/:slug/work-programmes — the network's work programmes. Everyone who can see the
 * network reads the list; coordinators create, rename, archive and restore. The trailing
 * underscore in the file name keeps this page out of the network home page's layout.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ArchivedNetworkNotice } from "~/components/archived-network-notice";
import { can } from "#shared/policy";
import {
  createWorkProgramme,
  listWorkProgrammes,
  renameWorkProgramme,
  setWorkProgrammeArchived,
  workProgrammeOfNetwork,
} from "~/lib/work-programme-document.server";
import { archiveWorkProgrammeForm, createWorkProgrammeForm, renameWorkProgrammeForm } from "#shared/validation/work-programme-forms";
import { authorize, notFound } from "~/lib/guards.server";
import { formError, invalid, parseWith, readForm } from "~/lib/forms.server";
import { loadVisibleNetwork } from "~/lib/network-access.server";
import { CsrfInput } from "~/components/csrf-input";
import { FormAlert, Notice, TextField } from "~/components/fields";
import { formatDate } from "~/lib/format";
import { pageMeta } from "~/lib/meta";

export const meta = pageMeta<{ network: { name: string } }>((t, data) => `${t("workprogramme:list.title")} · ${data.network.name}`);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { auth, network } = await loadVisibleNetwork(request, context, params.slug);
  return {
    network: { id: network.id, slug: network.slug, name: network.name, archivedAt: network.archived_at },
    workProgrammes: await listWorkProgrammes(context.services, network.id),
    canManage: can(auth.actor, { type: "workProgramme.manage", networkId: network.id }),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { auth, network } = await loadVisibleNetwork(request, context, params.slug);
  authorize(auth, { type: "workProgramme.manage", networkId: network.id });
  const form = await readForm(request, context);
  const intent = form.get("intent");

  if (intent === "create") {
    const parsed = parseWith(createWorkProgrammeForm, form);
    if (!parsed.ok) return invalid({ ...parsed, errors: prefixed(parsed.errors, "create") });
    const { id } = await createWorkProgramme(context.services, network.id, parsed.data.title, auth.user.id);
    return redirect(`/networks/${network.slug}/work-programmes/${id}`);
  }

  if (intent === "rename") {
    const parsed = parseWith(renameWorkProgrammeForm, form);
    if (!parsed.ok) return invalid(parsed);
    const workProgramme = await ownWorkProgramme(context, network.id, parsed.data.id);
    await renameWorkProgramme(context.services, workProgramme.id, parsed.data.title);
    return { ok: true as const, done: "renamed" as const };
  }
  if (intent === "archive" || intent === "unarchive") {
    const parsed = parseWith(archiveWorkProgrammeForm, form);
    if (!parsed.ok) return invalid(parsed);
    const workProgramme = await ownWorkProgramme(context, network.id, parsed.data.id);
    await setWorkProgrammeArchived(context.services, workProgramme.id, intent === "archive");
    return { ok: true as const, done: intent === "archive" ? ("archived" as const) : ("unarchived" as const) };
  }
  return formError("validation.unknownAction", form);
}

/** Ids from forms are never trusted across networks: another network's id is a 404. */
async function ownWorkProgramme(context: ActionFunctionArgs["context"], networkId: string, id: string) {
  const row = await workProgrammeOfNetwork(context.services, networkId, id);
  if (!row) notFound();
  return row;
}

/** Errors of the create form carry their own keys so they never show next to a rename field. */
function prefixed(errors: Record<string, string>, prefix: string): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [k === "form" ? k : `${prefix}.${k}`, v]));
}

export default function WorkProgrammeListPage() {
  const { t, i18n } = useTranslation("workprogramme");
  const { network, workProgrammes, canManage } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string> = result && !result.ok ? result.errors : {};
  const values: Record<string, unknown> = result && !result.ok ? result.values : {};
  const failedId = typeof values.id === "string" ? values.id : null;

  return (
    <div className="page">
      <p className="muted">
        <Link to={`/networks/${network.slug}`}>{network.name}</Link>
      </p>
      <h1>{t("list.title")}</h1>
      <ArchivedNetworkNotice archivedAt={network.archivedAt} />
      <p>{t("list.intro")}</p>
      {result?.ok ? <Notice>{t(`list.done.${result.done}`)}</Notice> : null}
      <FormAlert error={errors.form} />

      {workProgrammes.length === 0 ? (
        <p className="empty">
          {t("list.empty")} {canManage ? t("list.emptyCoordinator") : null}
        </p>
      ) : (
        <ul className="wp-list" aria-label={t("list.title")}>
          {workProgrammes.map((wp) => (
            <li key={wp.id} className="card wp-list__item">
              <h2 className="wp-list__title">
                <Link to={`/networks/${network.slug}/work-programmes/${wp.id}`}>{wp.title}</Link>{" "}
                {wp.archived ? <span className="badge badge--archived">{t("list.archived")}</span> : null}
              </h2>
              <p className="muted">
                {t("list.created", { date: formatDate(wp.createdAt, i18n.language) })}
                {wp.archived ? ` · ${t("list.archivedHint")}` : null}
              </p>
              <p className="wp-list__links">
                <Link to={`/networks/${network.slug}/work-programmes/${wp.id}/history`}>
                  {t("history:links.history")}
                  <span className="visually-hidden"> {t("history:links.historyOf", { title: wp.title })}</span>
                </Link>
              </p>
              {canManage ? (
                <div className="wp-list__manage" role="group" aria-label={t("list.manage", { title: wp.title })}>
                  <Form method="post" className="inline-form">
                    <CsrfInput />
                    <input type="hidden" name="intent" value="rename" />
                    <input type="hidden" name="id" value={wp.id} />
                    <label htmlFor={`rename-${wp.id}`} className="visually-hidden">
                      {t("list.renameLabel", { title: wp.title })}
                    </label>
                    <input
                      id={`rename-${wp.id}`}
                      name="title"
                      type="text"
                      required
                      maxLength={200}
                      defaultValue={failedId === wp.id && typeof values.title === "string" ? values.title : wp.title}
                      aria-invalid={failedId === wp.id && errors.title ? true : undefined}
                      aria-describedby={failedId === wp.id && errors.title ? `rename-${wp.id}-error` : undefined}
                    />
                    <button type="submit" className="button button--small">
                      {t("list.renameSubmit")}
                      <span className="visually-hidden"> – {wp.title}</span>
                    </button>
                  </Form>
                  {failedId === wp.id && errors.title ? (
                    <p id={`rename-${wp.id}-error`} className="field__error">
                      {t(`common:${errors.title}`)}
                    </p>
                  ) : null}
                  <Form
                    method="post"
                    className="inline-form"
                    onSubmit={(event) => {
                      if (!wp.archived && !window.confirm(t("list.confirmArchive", { title: wp.title }))) event.preventDefault();
                    }}
                  >
                    <CsrfInput />
                    <input type="hidden" name="intent" value={wp.archived ? "unarchive" : "archive"} />
                    <input type="hidden" name="id" value={wp.id} />
                    <button type="submit" className="button button--small button--quiet">
                      {wp.archived ? t("list.unarchive") : t("list.archive")}
                      <span className="visually-hidden"> – {wp.title}</span>
                    </button>
                  </Form>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}

      {canManage ? (
        <section aria-labelledby="create-heading">
          <h2 id="create-heading">{t("list.createHeading")}</h2>
          <Form method="post" className="card" noValidate>
            <CsrfInput />
            <input type="hidden" name="intent" value="create" />
            <TextField
              name="title"
              label={t("list.titleLabel")}
              defaultValue={failedId === null && typeof values.title === "string" ? values.title : ""}
              error={errors["create.title"]}
              required
            />
            <button type="submit" className="button">
              {t("list.createSubmit")}
            </button>
          </Form>
        </section>
      ) : null}

      <p>
        <Link to={`/networks/${network.slug}`}>{t("list.backToNetwork")}</Link>
      </p>
    </div>
  );
}
