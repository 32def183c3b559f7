import { z } from "zod";
import { email, loginPassword, locale, name, password } from "./fields";

export const loginForm = z.object({ email, password: loginPassword, redirectTo: z.string().optional() });
export const forgotPasswordForm = z.object({ email });

const passwordConfirmation = <T extends z.ZodRawShape>(shape: T) =>
  z
    .object({ ...shape, password, passwordConfirm: z.string().optional() })
    .refine((v) => v.password === v.passwordConfirm, {
      message: "validation.passwordMismatch",
      path: ["passwordConfirm"],
    });

export const resetPasswordForm = passwordConfirmation({});
export const acceptInvitationForm = passwordConfirmation({ name, locale });
export const accountForm = z.object({ name, locale });
