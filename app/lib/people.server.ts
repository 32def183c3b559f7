/** A person's own profile: details, sessions, preferred language. */
export { sessionsOverview, setPreferredLocale, updateOwnProfile } from "#server/domain/people/profile";
