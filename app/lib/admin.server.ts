/** What the admin routes (app/routes/admin.*) use of the server's admin domain. */
export { adminOverview } from "#server/domain/admin/overview";
export { auditPage } from "#server/domain/admin/audit-log";
export { documentProblems } from "#server/domain/admin/document-problems";
export { inviteAsAdmin } from "#server/domain/admin/invite";
export { listOpenInvitationsForAdmin } from "#server/domain/admin/invitations";
export { listNetworksForAdmin, networkForEditing, organisationChoices } from "#server/domain/admin/networks";
export { createNetwork, updateNetworkDetails } from "#server/domain/admin/save-network";
export { setNetworkArchived } from "#server/domain/admin/archive-network";
export { listOrganisationsForAdmin, organisationForEditing } from "#server/domain/admin/organisations";
export { createOrganisation, updateOrganisationDetails } from "#server/domain/admin/save-organisation";
export { outboxPage } from "#server/domain/admin/outbox";
export { listPeopleForAdmin, personForEditing } from "#server/domain/admin/people";
export { updatePersonAsAdmin, type SavePersonError } from "#server/domain/admin/save-person";
export { addPersonToNetwork } from "#server/domain/admin/person-memberships";
/** Every kind of mail the platform writes: the outbox labels one each. */
export { MAIL_KINDS } from "#server/mail/compose";
