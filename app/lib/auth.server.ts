/** Logging in and out, sessions and password resets, for the auth and account routes. */
export { login } from "#server/domain/auth/login";
export { endOtherSessions, endSession } from "#server/domain/auth/sessions";
export { inspectResetToken, requestPasswordReset, resetPassword } from "#server/domain/auth/password-reset";
