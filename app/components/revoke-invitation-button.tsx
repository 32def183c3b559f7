import { Form } from "@remix-run/react";
import { CsrfInput } from "./csrf-input";

/**
 * Withdraws one open invitation (intent "revokeInvitation"), on a network's page and in the
 * admin's list alike. The address is named for screen readers, whose users hear a column of
 * identical buttons otherwise.
 */
export function RevokeInvitationButton({ invitationId, email, label }: { invitationId: string; email: string; label: string }) {
  return (
    <Form method="post" className="inline-form">
      <CsrfInput />
      <input type="hidden" name="intent" value="revokeInvitation" />
      <input type="hidden" name="invitationId" value={invitationId} />
      <button type="submit" className="button button--small button--quiet">
        {label}
        <span className="visually-hidden"> – {email}</span>
      </button>
    </Form>
  );
}
