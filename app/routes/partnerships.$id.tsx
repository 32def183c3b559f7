/**
 * /partnerships/:id — a bilateral partnership and its joint application: the groups and
 * organisations with the composition check, the people who co-write, the application text
 * co-edited live (client-only editor on /collab/application.<id>, which checks access again)
 * and "submit to the advisory board", which freezes the text. Readers: the partners, the
 * project team, the board once submitted, and the network it became. Everyone else: 404.
 */
import { lazy, Suspense } from "react";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { colourFor } from "#shared/collab/user-colour";
import { can } from "#shared/policy";
import { boardRefusal, loadPartnershipDocument, partnershipPage, submitApplication } from "~/lib/partnerships.server";
import { documentRights } from "~/lib/documents.server";
import { notFound } from "~/lib/guards.server";
import { formError, readForm } from "~/lib/forms.server";
import { ClientOnly } from "~/editor/client-only";
import { FormAlert, Notice } from "~/components/fields";
import { DownloadLinks } from "~/components/export-links";
import { CompositionResult } from "~/components/intake/composition-result";
import { CsrfInput } from "~/components/csrf-input";
import { formatDate } from "~/lib/format";
import { pageMeta } from "~/lib/meta";
import { glossaryHints } from "~/lib/glossary.server";
import glossaryStyles from "~/components/glossary/glossary-marks.css?url";
import stylesheet from "~/components/intake/intake.css?url";
import { keepOpenEditor } from "~/lib/editor-revalidation";

const DocumentEditor = lazy(() => import("~/editor/document-editor.client"));

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "stylesheet", href: glossaryStyles },
];
export const meta = pageMeta<{ partnership: { name: string } }>((_t, data) => data.partnership.name);
export const shouldRevalidate = keepOpenEditor;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { auth, row, document } = await loadPartnershipDocument(request, context, params);
  const page = await partnershipPage(context.services, auth.actor, row.id);
  if (!page) notFound();
  return {
    ...page,
    editRights: documentRights(auth.actor, document),
    canReview: can(auth.actor, { type: "board.selection" }) && row.status !== "forming",
    glossary: await glossaryHints(context.services, context.locale),
    user: { id: auth.user.id, name: auth.user.name, colour: colourFor(auth.user.id) },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { auth, row } = await loadPartnershipDocument(request, context, params);
  const form = await readForm(request, context);
  if (form.get("intent") !== "submit") return formError("validation.unknownAction", form);
  const outcome = await submitApplication(context.services, auth.actor, row.id);
  return outcome.ok ? { ok: true as const, done: "submitted" } : boardRefusal(outcome.error, form, "submit");
}

export default function PartnershipPage() {
  const { t, i18n } = useTranslation("board");
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { partnership: p, groups, organisations, members, invited, composition, rights, editRights } = data;
  const frozen = p.status !== "forming";
  const loading = (
    <p className="wp-loading" role="status">
      {t("application.loading")}
    </p>
  );
  return (
    <div className="page page--wide">
      {rights.manage ? (
        <p className="muted">
          <Link to="/intake">{t("intake:queue.title")}</Link> · <Link to="/board/applications">{t("applications.title")}</Link>
        </p>
      ) : null}
      <h1>{p.name}</h1>
      <p>
        <span className="intake-status">{t(`partnershipStatus.${p.status}`)}</span>
        {p.submittedAt ? ` ${t("application.submittedOn", { date: formatDate(p.submittedAt, i18n.language) })}` : null}
      </p>
      {result?.ok ? <Notice>{t(`done.${result.done}`)}</Notice> : null}
      {result && !result.ok ? <FormAlert error={result.errors.form} /> : null}
      {data.canReview ? (
        <p>
          <Link to={`/board/applications/${p.id}`}>{t("application.toReview")}</Link>
        </p>
      ) : null}

      <h2>{t("application.partners")}</h2>
      <ul>
        {groups.map((g) => (
          <li key={g.id}>
            <strong>{rights.manage ? <Link to={`/intake/${g.id}`}>{g.name}</Link> : g.name}</strong>
            {g.country ? ` (${t(`common:countries.${g.country}`)})` : null}: {g.members.map((m) => m.name).join(", ")}
            {g.contact ? (
              <>
                {" "}
                · {t("application.contact", { name: g.contact.name })} <a href={`mailto:${g.contact.email}`}>{g.contact.email}</a>
              </>
            ) : null}
          </li>
        ))}
        {organisations.map((o) => (
          <li key={o.id}>
            <strong>{o.name}</strong> ({t(`common:organisationTypes.${o.type}`)}, {o.city}, {t(`common:countries.${o.country}`)})
          </li>
        ))}
      </ul>
      <CompositionResult check={composition} names={[...groups.map((g) => g.name), ...organisations.map((o) => o.name)]} />

      <h2>{t("application.writers")}</h2>
      {members.length === 0 ? <p className="empty">{t("application.noWriters")}</p> : <p>{members.map((m) => m.name).join(", ")}</p>}
      {invited.length > 0 ? <p className="muted">{t("application.invited", { emails: invited.join(", ") })}</p> : null}

      <h2>{t("application.title")}</h2>
      {frozen ? <p className="alert alert--info">{t("application.frozen")}</p> : !editRights.edit ? <p className="alert alert--info">{t("application.readOnly")}</p> : <p>{t("application.intro")}</p>}
      <DownloadLinks exportPath={`${p.path}/export`}>
        <Link to={`${p.path}/languages`}>{t("languages:link")}</Link>
      </DownloadLinks>
      <ClientOnly fallback={loading}>
        <Suspense fallback={loading}>
          <DocumentEditor
            docName={p.docName}
            canEdit={editRights.edit}
            archived={frozen}
            user={data.user}
            commentsUrl={`${p.path}/comments`}
            glossary={data.glossary}
            labels={{ text: t("application.editorLabel"), accessRevoked: t("application.accessRevoked"), documentTooLarge: t("application.documentTooLarge") }}
          />
        </Suspense>
      </ClientOnly>

      {rights.submit ? (
        <Form method="post" className="card">
          <CsrfInput />
          <input type="hidden" name="intent" value="submit" />
          <h2>{t("application.submitTitle")}</h2>
          <p>{t("application.submitExplained")}</p>
          <button type="submit" className="button" disabled={busy}>
            {t("application.submit")}
          </button>
        </Form>
      ) : null}
    </div>
  );
}
