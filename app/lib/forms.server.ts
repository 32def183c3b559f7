/**
 * Reading a form in an action: checks the CSRF token first (every mutation goes through
 * here), then validates with a zod schema from shared/validation. Errors are translation
 * keys per field; the values typed (never passwords) go back so nothing is lost.
 */
import { data, type AppLoadContext } from "@remix-run/node";
import type { ZodType, ZodTypeDef } from "zod";
import { safeEqual } from "#server/domain/auth/tokens";

export const CSRF_FIELD = "csrf";
const MAX_FORM_BYTES = 256 * 1024;

/** `maxBytes`: a larger limit for the few forms that carry a file (checked before anything is parsed). */
export async function readForm(request: Request, context: AppLoadContext, options: { maxBytes?: number } = {}): Promise<FormData> {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > (options.maxBytes ?? MAX_FORM_BYTES)) throw new Response("Payload Too Large", { status: 413 });
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new Response("Bad Request", { status: 400 });
  }
  const sent = form.get(CSRF_FIELD);
  if (typeof sent !== "string" || !context.csrfToken || !safeEqual(sent, context.csrfToken)) {
    throw new Response("Forbidden", { status: 403 });
  }
  return form;
}

export type FieldErrors = Record<string, string>;

export interface FormFailure {
  ok: false;
  errors: FieldErrors;
  values: Record<string, string | string[]>;
}

const SECRET_FIELDS = new Set(["password", "passwordConfirm", "currentPassword", CSRF_FIELD]);

export function formValues(form: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    if (SECRET_FIELDS.has(key)) continue;
    const all = form.getAll(key).filter((v): v is string => typeof v === "string");
    values[key] = all.length > 1 ? all : (all[0] ?? "");
  }
  return values;
}

export function parseWith<T>(
  schema: ZodType<T, ZodTypeDef, unknown>,
  form: FormData,
  arrayFields: string[] = [],
): { ok: true; data: T } | FormFailure {
  const raw: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    raw[key] = arrayFields.includes(key) ? form.getAll(key) : form.get(key);
  }
  for (const key of arrayFields) raw[key] ??= [];
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return { ok: false, errors, values: formValues(form) };
}

/** The action's answer for invalid input: 400 with field errors and the typed values. */
export function invalid(failure: Omit<FormFailure, "ok">, status = 400) {
  return data({ ok: false as const, errors: failure.errors, values: failure.values }, { status });
}

export function formError(key: string, form: FormData, status = 400) {
  return invalid({ errors: { form: key }, values: formValues(form) }, status);
}
