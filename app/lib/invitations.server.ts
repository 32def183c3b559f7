/** Inviting people into a network, revoking and accepting invitations. */
export { invitePerson } from "#server/domain/invitations/invite";
export { revokeInvitation } from "#server/domain/invitations/revoke";
export { acceptInvitation, inspectInvitation } from "#server/domain/invitations/accept";
