/**
 * Costs: an event's cost lines by kind (planned and actual, typed as people write amounts),
 * and an owner's overview summed by year, for the organisers.
 */
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { COST_KINDS } from "#shared/events/event-vocabulary";
import { formatEuros } from "#shared/events/costs-summary";
import type { costOverviewLoader, costsLoader } from "~/lib/events.server";
import { CsrfInput } from "../csrf-input";
import { textValue } from "~/lib/form-values";
import type { EventActionResult } from "./action-result";
import { FormAlert, SelectField, TextField } from "../fields";
import { TableScroll } from "../table-scroll";
import { asLocale } from "./labels";
import { PlaceTrail } from "./place-trail";

/** The cost form's fields, as typed values after a refusal. */
const COST_FIELDS = ["costId", "kind", "description", "planned", "actual"];

function CostForm({ values, errors, busy, submitLabel }: { values: Record<string, string>; errors: Record<string, string>; busy: boolean; submitLabel: string }) {
  const { t } = useTranslation("events");
  return (
    <Form method="post" className="form" noValidate>
      <CsrfInput />
      <input type="hidden" name="intent" value="saveCost" />
      {values.costId ? <input type="hidden" name="costId" value={values.costId} /> : null}
      <FormAlert error={errors.form} />
      <SelectField name="kind" label={t("costs.kind")} defaultValue={values.kind} error={errors.kind} options={COST_KINDS.map((k) => ({ value: k, label: t(`costKinds.${k}`) }))} />
      <TextField name="description" label={t("costs.description")} defaultValue={values.description} error={errors.description} />
      <div className="event-form__pair">
        <TextField name="planned" label={t("costs.planned")} hint={t("costs.amountHint")} defaultValue={values.planned} error={errors.planned} required />
        <TextField name="actual" label={t("costs.actual")} hint={t("costs.actualHint")} defaultValue={values.actual} error={errors.actual} />
      </div>
      <button type="submit" className="button button--primary" disabled={busy}>
        {submitLabel}
      </button>
    </Form>
  );
}

export function CostsView() {
  const { t, i18n } = useTranslation("events");
  const data = useLoaderData<typeof costsLoader>();
  const result = useActionData() as EventActionResult | undefined;
  const busy = useNavigation().state === "submitting";
  const locale = asLocale(i18n.language);
  const euros = (cents: number | null) => (cents === null ? "—" : formatEuros(cents, locale));
  const failed = result && !result.ok && result.intent === "saveCost" ? result : null;
  const failedId = failed && typeof failed.values.costId === "string" ? failed.values.costId : null;
  const text = (values: Record<string, string | string[]>) => Object.fromEntries(COST_FIELDS.map((key) => [key, textValue(values, key, "")]));
  return (
    <div className="page page--medium">
      <PlaceTrail place={data.place} event={data.event} />
      <h1>{t("costs.title")}</h1>
      {result && !result.ok && result.intent === "removeCost" ? <p role="alert" className="alert alert--error">{t(result.errors.form ?? "events:errors.invalid")}</p> : null}
      {data.rows.length === 0 ? (
        <p className="empty-state">{t("costs.empty")}</p>
      ) : (
        <TableScroll label={t("costs.title")}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("costs.kind")}</th>
                <th scope="col">{t("costs.description")}</th>
                <th scope="col" className="numeric">{t("costs.planned")}</th>
                <th scope="col" className="numeric">{t("costs.actual")}</th>
                <th scope="col">{t("costs.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row">{t(`costKinds.${row.kind}`)}</th>
                  <td>{row.description || "—"}</td>
                  <td className="numeric">{euros(row.planned_cents)}</td>
                  <td className="numeric">{euros(row.actual_cents)}</td>
                  <td>
                    <details open={failedId === row.id}>
                      <summary>{t("costs.change")}</summary>
                      <CostForm
                        values={failedId === row.id && failed ? text(failed.values) : { costId: row.id, kind: row.kind, description: row.description, planned: formatEuros(row.planned_cents, locale), actual: row.actual_cents === null ? "" : formatEuros(row.actual_cents, locale) }}
                        errors={failedId === row.id && failed ? failed.errors : {}}
                        busy={busy}
                        submitLabel={t("costs.save")}
                      />
                    </details>
                    <Form method="post">
                      <CsrfInput />
                      <input type="hidden" name="intent" value="removeCost" />
                      <input type="hidden" name="costId" value={row.id} />
                      <button type="submit" className="button button--small button--danger" disabled={busy}>
                        {t("costs.remove")}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>{t("costs.total")}</th>
                <td className="numeric">{euros(data.totals.total.plannedCents)}</td>
                <td className="numeric">
                  {euros(data.totals.total.actualCents)}
                  {data.totals.total.openEntries ? <span className="muted"> {t("costs.open", { count: data.totals.total.openEntries })}</span> : null}
                </td>
                <td />
              </tr>
            </tfoot>
          </table>
        </TableScroll>
      )}
      <h2>{t("costs.add")}</h2>
      <CostForm key={data.rows.length} values={failed && !failedId ? text(failed.values) : { kind: "travel", description: "", planned: "", actual: "" }} errors={failed && !failedId ? failed.errors : {}} busy={busy} submitLabel={t("costs.addSubmit")} />
    </div>
  );
}

export function CostOverviewView() {
  const { t, i18n } = useTranslation("events");
  const data = useLoaderData<typeof costOverviewLoader>();
  const locale = asLocale(i18n.language);
  return (
    <div className="page page--wide">
      <PlaceTrail place={data.place} />
      <h1>{t("overview.title")}</h1>
      <p>{t("overview.intro")}</p>
      {data.years.length === 0 ? (
        <p className="empty-state">{t("overview.empty")}</p>
      ) : (
        data.years.map((year) => (
          <section key={year.year} aria-labelledby={`year-${year.year}`}>
            <h2 id={`year-${year.year}`}>{t("overview.year", { year: year.year, count: year.events })}</h2>
            <TableScroll labelledBy={`year-${year.year}`}>
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t("costs.kind")}</th>
                    <th scope="col" className="numeric">{t("costs.planned")}</th>
                    <th scope="col" className="numeric">{t("costs.actual")}</th>
                  </tr>
                </thead>
                <tbody>
                  {COST_KINDS.map((kind) => (
                    <tr key={kind}>
                      <th scope="row">{t(`costKinds.${kind}`)}</th>
                      <td className="numeric">{formatEuros(year.byKind[kind].plannedCents, locale)}</td>
                      <td className="numeric">{formatEuros(year.byKind[kind].actualCents, locale)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{t("costs.total")}</th>
                    <td className="numeric">{formatEuros(year.total.plannedCents, locale)}</td>
                    <td className="numeric">{formatEuros(year.total.actualCents, locale)}</td>
                  </tr>
                </tfoot>
              </table>
            </TableScroll>
          </section>
        ))
      )}
    </div>
  );
}
