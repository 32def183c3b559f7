/**
 * Limits and fixed choices of the forms, without zod: client components read them (a field's
 * maxLength, a select's options), and importing them from the form modules pulled zod and
 * every schema into the page's JavaScript. The schemas in this folder import them from here.
 */

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_SLUG_LENGTH = 80;

/** The longest comment the sidebar accepts (the domain keeps the same limit). */
export const MAX_COMMENT_LENGTH = 5000;

// Findings and good practice in the network of networks.
export const FINDING_COUNTRIES = ["DE", "IT", "both"] as const;
export const FINDING_SORTS = ["newest", "discussed"] as const;
export const THEME_CLUSTERS = ["equivalence", "trainingQuality", "digitalChange", "sectors", "learningVenues", "hybridModels"] as const;
export const MAX_FINDING_BODY = 20_000;
export const MAX_URL_LENGTH = 2000;
export const MAX_LINK_LABEL = 200;
/** Per kind of evidence: enough for a finding, bounded for the page and the database. */
export const MAX_EVIDENCE_PER_KIND = 20;
export const MAX_WEB_LINKS = 10;
export const MAX_REASON = 500;
/** A discussion comment on a finding. */
export const MAX_COMMENT = 5000;

// Recommendations for the advisory board.
/** The board's verdicts, in the order the answer form offers them. */
export const RECOMMENDATION_VERDICTS = ["accepted", "partlyAccepted", "noted", "declined"] as const;
/** Networks whose endorsement makes a recommendation "endorsed": 1 to 5 (there are five networks); 3 unless moderators change it. */
export const MIN_THRESHOLD = 1;
export const MAX_THRESHOLD = 5;
export const MAX_STATEMENT = 2000;
export const MAX_ANSWER = 5000;
/** Citations per kind: enough for any real recommendation, bounded for the form. */
export const MAX_CITATIONS = 50;

// Expressions of interest (shared/validation/interest-forms.ts) and the board's selection (board-forms.ts).
/** The honeypot's name: plausible enough that form-filling bots fill it (server/domain/intake/form-guard.ts). */
export const HONEYPOT_FIELD = "website";
/** The signed time the form was shown. */
export const STAMP_FIELD = "shownAt";
export const MAX_INTEREST_MEMBERS = 12;
export const MIN_INTEREST_MEMBERS = 2;
/** The form always offers this many member rows (more when more were typed), so it works without JavaScript. */
export const INTEREST_MEMBER_ROWS = 4;
export const MAX_INTEREST_TEXT = 4000;
export const MAX_INTEREST_NOTE = 4000;
export const MAX_WEIGHT = 10;
export const MAX_REVIEW_COMMENT = 4000;
