/**
 * /intake/:id — one expression of interest. The board reads it; the project team also
 * changes its status (the group gets a mail in its language), keeps notes and a contact log,
 * finds partners in the other country through ranked suggestions with their reasons,
 * checks the composition of a proposed partnership (a GET form: the check is a view, not
 * a change) and introduces two groups that both agreed to it.
 */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import { can } from "#shared/policy";
import { INTEREST_STATUSES } from "#shared/intake/vocabulary";
import type { Reason } from "#shared/intake/matching";
import { intakeForms, isIntakeIntent, parsePartnerSelection } from "#shared/validation/interest-forms";
import { MAX_INTEREST_NOTE } from "#shared/validation/limits";
import { formPartnershipForm, PARTNERSHIP_ARRAY_FIELDS } from "#shared/validation/board-forms";
import { boardRefusal, formPartnership } from "~/lib/partnerships.server";
import { authorize, notFound } from "~/lib/guards.server";
import { formError, parseWith, readForm } from "~/lib/forms.server";
import { idParam } from "~/lib/findings.server";
import { addInterestNote, changeInterestStatus, compositionWith, intakeRefusal, introduceGroups, partnerSuggestions, requireIntakeView, submissionWithLog } from "~/lib/intake.server";
import { CsrfInput } from "~/components/csrf-input";
import { CompositionResult } from "~/components/intake/composition-result";
import { FieldError, FormAlert, Notice, SelectField } from "~/components/fields";
import { fieldLabel, themeLabel } from "~/components/labels";
import { formatDate, formatDateTime } from "~/lib/format";
import { pageMeta } from "~/lib/meta";
import stylesheet from "~/components/intake/intake.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];
export const meta = pageMeta<{ submission: { groupName: string } }>((_t, d) => d.submission.groupName);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const auth = requireIntakeView(request, context);
  const id = idParam(params.id);
  if (!id) notFound();
  const page = await submissionWithLog(context.services, id);
  if (!page) notFound();
  const selection = parsePartnerSelection(new URL(request.url).searchParams);
  const chosen = selection.groups.length + selection.organisations.length > 0;
  const [suggestions, composition] = await Promise.all([partnerSuggestions(context.services, id), chosen ? compositionWith(context.services, id, selection) : null]);
  return { ...page, suggestions, composition, selection, canManage: can(auth.actor, { type: "intake.manage" }) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const auth = requireIntakeView(request, context);
  authorize(auth, { type: "intake.manage" });
  const id = idParam(params.id);
  if (!id) notFound();
  const form = await readForm(request, context);
  const intent = form.get("intent");
  if (intent === "formPartnership") {
    const parsed = parseWith(formPartnershipForm, form, PARTNERSHIP_ARRAY_FIELDS);
    if (!parsed.ok) return data({ ok: false as const, intent, errors: parsed.errors as Record<string, string>, values: parsed.values }, { status: 400 });
    const outcome = await formPartnership(context.services, auth.actor, { name: parsed.data.name, groups: [id, ...parsed.data.group], organisations: parsed.data.organisation });
    if (!outcome.ok) return boardRefusal(outcome.error, form, intent);
    throw redirect(`/partnerships/${outcome.id}`);
  }
  if (!isIntakeIntent(intent)) return formError("validation.unknownAction", form);
  const fail = (errors: Record<string, string>) => data({ ok: false as const, intent, errors, values: Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)])) }, { status: 400 });
  switch (intent) {
    case "status": {
      const parsed = parseWith(intakeForms.status, form);
      if (!parsed.ok) return fail(parsed.errors);
      const outcome = await changeInterestStatus(context.services, auth.actor, id, parsed.data.status, parsed.data.message);
      return outcome.ok ? { ok: true as const, intent, done: "statusChanged" } : intakeRefusal(outcome.error, form, intent);
    }
    case "note": {
      const parsed = parseWith(intakeForms.note, form);
      if (!parsed.ok) return fail(parsed.errors);
      const outcome = await addInterestNote(context.services, auth.actor, id, parsed.data.kind, parsed.data.body);
      return outcome.ok ? { ok: true as const, intent, done: "noted" } : intakeRefusal(outcome.error, form, intent);
    }
    case "introduce": {
      const parsed = parseWith(intakeForms.introduce, form);
      if (!parsed.ok) return fail(parsed.errors);
      const outcome = await introduceGroups(context.services, auth.actor, id, parsed.data.partnerId);
      return outcome.ok ? { ok: true as const, intent, done: "introduced" } : intakeRefusal(outcome.error, form, intent);
    }
  }
}

function reasonText(t: TFunction, reason: Reason): string {
  switch (reason.kind) {
    case "sameField":
      return t("reasons.sameField", { field: fieldLabel(t, reason.field) });
    case "sharedThemes":
      return t("reasons.sharedThemes", { themes: reason.themes.map((x) => themeLabel(t, x)).join(", ") });
    case "sharedActionAreas":
      return t("reasons.sharedActionAreas", { areas: reason.areas.map((a) => t(`network:actionAreas.${a}`)).join("; ") });
    case "comparableScale":
      return t("reasons.comparableScale");
    case "completesTypes":
      return t("reasons.completesTypes", { types: reason.types.map((x) => t(`common:organisationTypes.${x}`)).join(", ") });
    case "publicAndPrivate":
      return t("reasons.publicAndPrivate");
  }
}

export default function IntakeSubmissionPage() {
  const { t, i18n } = useTranslation("intake");
  const { submission: s, log, introduced, partnerships, suggestions, composition, selection, canManage } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  type Failure = { errors: Record<string, string | undefined>; values: Record<string, string | string[] | undefined> };
  const failedFor = (intent: string): Failure | null => (result && !result.ok && "intent" in result && result.intent === intent ? result : null);
  const typed = (failure: Failure | null, key: string) => {
    const value = failure?.values[key];
    return typeof value === "string" ? value : "";
  };
  const statusFailed = failedFor("status");
  const noteFailed = failedFor("note");
  const introduceFailed = failedFor("introduce");
  const partnershipFailed = failedFor("formPartnership");
  const text = (value: string) => value || t("detail.notGiven");

  return (
    <div className="page intake-detail">
      <p className="muted">
        <Link to="/intake">{t("queue.title")}</Link>
      </p>
      <h1>{s.groupName}</h1>
      <p>
        <span className="intake-status">{t(`status.${s.status}`)}</span> {t("detail.received", { date: formatDate(s.createdAt, i18n.language) })}
      </p>
      {result?.ok ? <Notice>{t(`detail.done.${result.done}`)}</Notice> : null}
      {partnerships.map((p) => (
        <p key={p.id}>
          {t("detail.inPartnership")} <Link to={`/partnerships/${p.id}`}>{p.name}</Link> ({t(`board:partnershipStatus.${p.status}`)})
        </p>
      ))}

      <h2>{t("form.partA")}</h2>
      <ul>
        {s.members.map((m, i) => (
          <li key={i}>
            <strong>{m.name}</strong>: {t(`common:organisationTypes.${m.type}`)}, {t(`common:sectors.${m.sector}`)}, {m.city} ({m.region}, {t(`common:countries.${m.country}`)})
          </li>
        ))}
      </ul>
      <dl>
        <dt>{t("form.contactName")}</dt>
        <dd>{s.contactName}</dd>
        <dt>{t("form.contactEmail")}</dt>
        <dd>
          <a href={`mailto:${s.contactEmail}`}>{s.contactEmail}</a>
        </dd>
        <dt>{t("form.contactPhone")}</dt>
        <dd>{text(s.contactPhone)}</dd>
        <dt>{t("form.locale")}</dt>
        <dd>{s.locale.toUpperCase()}</dd>
        <dt>{t("form.occupationalField")}</dt>
        <dd>{s.occupationalField === "other" ? t("form.otherField") : fieldLabel(t, s.occupationalField)}</dd>
        <dt>{t("form.fieldDescription")}</dt>
        <dd>{text(s.fieldDescription)}</dd>
        <dt>{t("form.introductions")}</dt>
        <dd>{s.introductions ? t("detail.yes") : t("detail.no")}</dd>
      </dl>
      <h2>{t("form.partB")}</h2>
      <dl>
        <dt>{t("form.scale")}</dt>
        <dd>{t(`scale.${s.scale}`)}</dd>
        <dt>{t("form.apprentices")}</dt>
        <dd>{s.apprentices ?? t("detail.notGiven")}</dd>
        <dt>{t("form.companies")}</dt>
        <dd>{s.companies ?? t("detail.notGiven")}</dd>
        <dt>{t("form.jointProjects")}</dt>
        <dd>{text(s.jointProjects)}</dd>
      </dl>
      <h2>{t("form.partC")}</h2>
      <dl>
        <dt>{t("form.motivation")}</dt>
        <dd>{s.motivation}</dd>
        <dt>{t("form.projectIdea")}</dt>
        <dd>{s.projectIdea}</dd>
        <dt>{t("form.actionAreas")}</dt>
        <dd>{s.actionAreas.map((a) => t(`network:actionAreas.${a}`)).join("; ")}</dd>
        <dt>{t("form.themes")}</dt>
        <dd>{s.themes.length ? s.themes.map((x) => themeLabel(t, x)).join(", ") : t("detail.notGiven")}</dd>
        <dt>{t("form.expectedValue")}</dt>
        <dd>{text(s.expectedValue)}</dd>
        <dt>{t("form.offeredValue")}</dt>
        <dd>{text(s.offeredValue)}</dd>
      </dl>
      <h2>{t("form.partD")}</h2>
      <dl>
        <dt>{t("form.pastCooperation")}</dt>
        <dd>{text(s.pastCooperation)}</dd>
        <dt>{t("form.fundedProjects")}</dt>
        <dd>{text(s.fundedProjects)}</dd>
      </dl>

      {canManage ? (
        <>
          <h2>{t("detail.statusTitle")}</h2>
          <Form method="post" className="card">
            <CsrfInput />
            <input type="hidden" name="intent" value="status" />
            <FormAlert error={statusFailed?.errors.form} />
            <SelectField
              name="status"
              label={t("detail.newStatus")}
              defaultValue={s.status}
              error={statusFailed?.errors.status}
              options={INTEREST_STATUSES.map((x) => ({ value: x, label: t(`status.${x}`) }))}
            />
            <div className="field">
              <label htmlFor="status-message">{t("detail.statusMessage")}</label>
              <p id="status-message-hint" className="field__hint">
                {t("detail.statusMessageHint")}
              </p>
              <textarea id="status-message" name="message" rows={3} maxLength={MAX_INTEREST_NOTE} aria-describedby="status-message-hint" defaultValue={typed(statusFailed, "message")} />
            </div>
            <button type="submit" className="button" disabled={busy}>
              {t("detail.changeStatus")}
            </button>
          </Form>
        </>
      ) : null}

      <h2 id="suggestions">{t("detail.suggestionsTitle")}</h2>
      {suggestions && suggestions.partnerCountry ? <p>{t("detail.suggestionsIntro", { country: t(`common:countries.${suggestions.partnerCountry}`) })}</p> : null}
      {introduceFailed ? <FormAlert error={introduceFailed.errors.form} /> : null}
      {!suggestions || suggestions.suggestions.length === 0 ? (
        <p className="empty">{t("detail.noSuggestions")}</p>
      ) : (
        <>
          <ol className="intake-suggestions">
            {suggestions.suggestions.map(({ candidate, reasons, score }) => (
              <li key={`${candidate.kind}-${candidate.id}`}>
                <h3>
                  {candidate.kind === "group" ? <Link to={`/intake/${candidate.id}`}>{candidate.name}</Link> : <Link to={`/organisations/${candidate.id}`}>{candidate.name}</Link>}{" "}
                  <span className="muted">
                    ({t(`detail.kind.${candidate.kind}`)}, {t("detail.score", { score })})
                  </span>
                </h3>
                <ul>
                  {reasons.map((r) => (
                    <li key={r.kind}>{reasonText(t, r)}</li>
                  ))}
                </ul>
                {canManage && candidate.kind === "group" ? (
                  introduced.includes(candidate.id) ? (
                    <p className="muted">{t("detail.alreadyIntroduced")}</p>
                  ) : (
                    <Form method="post">
                      <CsrfInput />
                      <input type="hidden" name="intent" value="introduce" />
                      <input type="hidden" name="partnerId" value={candidate.id} />
                      <button type="submit" className="button button--quiet" disabled={busy}>
                        {t("detail.introduce", { group: candidate.name })}
                      </button>
                    </Form>
                  )
                ) : null}
              </li>
            ))}
          </ol>
          <h3 id="composition">{t("detail.compositionTitle")}</h3>
          <Form method="get" action={`/intake/${s.id}#composition`} className="card">
            <fieldset>
              <legend>{t("detail.compositionChoose")}</legend>
              {suggestions.suggestions.map(({ candidate }) => (
                <label key={`${candidate.kind}-${candidate.id}`} className="checkbox">
                  <input
                    type="checkbox"
                    name={candidate.kind}
                    value={candidate.id}
                    defaultChecked={(candidate.kind === "group" ? selection.groups : selection.organisations).includes(candidate.id)}
                  />{" "}
                  {candidate.name}
                </label>
              ))}
            </fieldset>
            <button type="submit" className="button button--quiet">
              {t("detail.checkComposition")}
            </button>
          </Form>
          {composition ? (
            <>
              <CompositionResult check={composition.check} names={[s.groupName, ...composition.chosen.map((c) => c.name)]} />
              {canManage && composition.chosen.length > 0 ? (
                <Form method="post" className="card">
                  <CsrfInput />
                  <input type="hidden" name="intent" value="formPartnership" />
                  {[s.id, ...selection.groups].map((g) => (
                    <input key={g} type="hidden" name="group" value={g} />
                  ))}
                  {selection.organisations.map((o) => (
                    <input key={o} type="hidden" name="organisation" value={o} />
                  ))}
                  <h4>{t("detail.formPartnershipTitle")}</h4>
                  <p>{t("detail.formPartnershipExplained")}</p>
                  <FormAlert error={partnershipFailed?.errors.form} />
                  <div className="field">
                    <label htmlFor="partnership-name">{t("detail.partnershipName")}</label>
                    <input
                      id="partnership-name"
                      name="name"
                      required
                      maxLength={200}
                      defaultValue={typed(partnershipFailed, "name") || s.groupName}
                      aria-invalid={partnershipFailed?.errors.name ? true : undefined}
                      aria-describedby={partnershipFailed?.errors.name ? "partnership-name-error" : undefined}
                    />
                    <FieldError id="partnership-name-error" error={partnershipFailed?.errors.name} />
                  </div>
                  <button type="submit" className="button" disabled={busy}>
                    {t("detail.formPartnership")}
                  </button>
                </Form>
              ) : null}
            </>
          ) : null}
        </>
      )}

      <h2>{t("detail.logTitle")}</h2>
      {canManage ? (
        <Form method="post" className="card">
          <CsrfInput />
          <input type="hidden" name="intent" value="note" />
          <FormAlert error={noteFailed?.errors.form} />
          <SelectField
            name="kind"
            label={t("detail.logKind")}
            defaultValue={typed(noteFailed, "kind") || "note"}
            options={[
              { value: "note", label: t("log.note") },
              { value: "contact", label: t("log.contact") },
            ]}
          />
          <div className="field">
            <label htmlFor="note-body">{t("detail.logBody")}</label>
            <textarea
              id="note-body"
              name="body"
              rows={3}
              maxLength={MAX_INTEREST_NOTE}
              defaultValue={typed(noteFailed, "body")}
              aria-invalid={noteFailed?.errors.body ? true : undefined}
              aria-describedby={noteFailed?.errors.body ? "note-body-error" : undefined}
            />
            <FieldError id="note-body-error" error={noteFailed?.errors.body} />
          </div>
          <button type="submit" className="button button--quiet" disabled={busy}>
            {t("detail.addToLog")}
          </button>
        </Form>
      ) : null}
      {log.length === 0 ? (
        <p className="empty">{t("detail.logEmpty")}</p>
      ) : (
        <ul className="intake-log">
          {log.map((e) => (
            <li key={e.id}>
              <strong>{t(`log.${e.kind}`)}</strong> · {formatDateTime(e.at, i18n.language)}
              {e.author ? ` · ${e.author}` : ""}
              {e.kind === "status" && e.statusFrom && e.statusTo ? <div>{t("log.statusChange", { from: t(`status.${e.statusFrom}`), to: t(`status.${e.statusTo}`) })}</div> : null}
              {e.partner ? (
                <div>{e.partner.name ? <Link to={`/intake/${e.partner.id}`}>{t("log.introducedTo", { group: e.partner.name })}</Link> : t("log.introducedToWithdrawn")}</div>
              ) : e.body ? (
                <div>{e.body}</div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
