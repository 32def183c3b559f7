/** An organisation's public profile. */
export { organisationProfile } from "#server/domain/organisations/profile";
