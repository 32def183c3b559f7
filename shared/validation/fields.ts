/**
 * Field rules shared by forms on the client and actions on the server. Messages are
 * translation keys (common namespace, validation.*), rendered in the user's language.
 */
import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "./limits";
import { LOCALES } from "../i18n/config";


const trimmed = (max: number) =>
  z
    .string({ required_error: "validation.required", invalid_type_error: "validation.required" })
    .transform((v) => v.trim())
    .pipe(z.string().min(1, "validation.required").max(max, "validation.tooLong"));

export const email = z
  .string({ required_error: "validation.required", invalid_type_error: "validation.required" })
  .transform((v) => v.trim().toLowerCase())
  .pipe(z.string().min(1, "validation.required").max(254, "validation.tooLong").email("validation.email"));

export const name = trimmed(120);
export const shortText = trimmed(200);
export const longText = z
  .string({ invalid_type_error: "validation.required" })
  .optional()
  .transform((v) => (v ?? "").trim())
  .pipe(z.string().max(5000, "validation.tooLong"));

export const optionalText = (max: number) =>
  z
    .string({ invalid_type_error: "validation.required" })
    .optional()
    .transform((v) => (v ?? "").trim())
    .pipe(z.string().max(max, "validation.tooLong"));

export const locale = z.enum(LOCALES, { errorMap: () => ({ message: "validation.choice" }) });

export const password = z
  .string({ required_error: "validation.required", invalid_type_error: "validation.required" })
  .min(1, "validation.required")
  .min(MIN_PASSWORD_LENGTH, "validation.passwordTooShort")
  .max(200, "validation.tooLong");

export const loginPassword = z
  .string({ required_error: "validation.required", invalid_type_error: "validation.required" })
  .min(1, "validation.required")
  .max(200, "validation.tooLong");

export const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { errorMap: () => ({ message: "validation.choice" }) });

export const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.literal(""), z.null(), z.undefined(), choice(values)])
    .transform((v) => (v ? (v as T[number]) : null));

export const newPasswordPair = z
  .object({ password, passwordConfirm: z.string().optional() })
  .refine((v) => v.password === v.passwordConfirm, { message: "validation.passwordMismatch", path: ["passwordConfirm"] });
