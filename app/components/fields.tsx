/**
 * Labelled form fields with their error next to them (aria-describedby, aria-invalid), the
 * value typed kept after a failed submit. Errors arrive as translation keys.
 */
import { useId, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

interface BaseProps {
  name: string;
  label: string;
  error?: string | undefined;
  hint?: string;
}

function useFieldIds(name: string) {
  const id = `${name}-${useId().replace(/:/g, "")}`;
  return { id, errorId: `${id}-error`, hintId: `${id}-hint` };
}

function describedBy(ids: { errorId: string; hintId: string }, error?: string, hint?: string) {
  return [hint ? ids.hintId : null, error ? ids.errorId : null].filter(Boolean).join(" ") || undefined;
}

/**
 * The frame every single-control field shares: label, optional hint, the control, the error.
 * `control` receives the attributes that tie it to its label, hint and error.
 */
function FieldShell({ name, label, error, hint, control }: BaseProps & { control: (a11y: ControlA11y) => ReactNode }) {
  const ids = useFieldIds(name);
  return (
    <div className="field">
      <label htmlFor={ids.id}>{label}</label>
      {hint ? (
        <p id={ids.hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {control({ id: ids.id, name, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy(ids, error, hint) })}
      <FieldError id={ids.errorId} error={error} />
    </div>
  );
}

interface ControlA11y {
  id: string;
  name: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

export function FieldError({ id, error }: { id: string; error?: string | undefined }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p id={id} className="field__error">
      {t(error)}
    </p>
  );
}

export function TextField({
  name,
  label,
  error,
  hint,
  type = "text",
  defaultValue,
  autoComplete,
  required,
  autoFocus,
}: BaseProps & {
  type?: "text" | "email" | "password" | "url" | "datetime-local" | "date";
  defaultValue?: string | undefined;
  autoComplete?: string;
  required?: boolean;
  autoFocus?: boolean;
}) {
  return (
    <FieldShell
      name={name}
      label={label}
      error={error}
      hint={hint}
      control={(a11y) => <input {...a11y} type={type} defaultValue={defaultValue} autoComplete={autoComplete} required={required} autoFocus={autoFocus} />}
    />
  );
}

export function TextArea({ name, label, error, hint, defaultValue }: BaseProps & { defaultValue?: string | undefined }) {
  return <FieldShell name={name} label={label} error={error} hint={hint} control={(a11y) => <textarea {...a11y} rows={5} defaultValue={defaultValue} />} />;
}

export function SelectField({
  name,
  label,
  error,
  hint,
  options,
  defaultValue,
}: BaseProps & { options: Array<{ value: string; label: string; lang?: string }>; defaultValue?: string | undefined }) {
  return (
    <FieldShell
      name={name}
      label={label}
      error={error}
      hint={hint}
      control={(a11y) => (
        <select {...a11y} defaultValue={defaultValue}>
          {options.map((o) => (
            <option key={o.value} value={o.value} lang={o.lang}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

export function CheckboxGroup({
  name,
  legend,
  options,
  defaultValues,
  error,
}: {
  name: string;
  legend: string;
  options: Array<{ value: string; label: string }>;
  defaultValues: string[];
  error?: string | undefined;
}) {
  const ids = useFieldIds(name);
  return (
    <fieldset className="field" aria-describedby={error ? ids.errorId : undefined}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="checkbox">
          <input type="checkbox" name={name} value={o.value} defaultChecked={defaultValues.includes(o.value)} /> {o.label}
        </label>
      ))}
      <FieldError id={ids.errorId} error={error} />
    </fieldset>
  );
}

/** A message for the whole form (e.g. wrong login), announced to screen readers. */
export function FormAlert({ error }: { error?: string | undefined }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <div role="alert" className="alert alert--error">
      {t(error)}
    </div>
  );
}

export function Notice({ children }: { children: React.ReactNode }) {
  return (
    <div role="status" className="alert alert--info">
      {children}
    </div>
  );
}
