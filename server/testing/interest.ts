/**
 * Expressions of interest for tests: a complete form's data, and a submission sent through
 * the domain (as the public form would) that answers its id and the private link's token,
 * read from the confirmation mail like the group would.
 */
import crypto from "node:crypto";
import type { Services } from "#server/services";
import type { InterestFormData, InterestMemberInput } from "#shared/validation/interest-forms";
import { submitInterest } from "#server/domain/intake/submissions";
import { formStamp } from "#server/domain/intake/form-guard";

export const italianMembers: InterestMemberInput[] = [
  { name: "Istituto Tecnico Meccatronica Brescia", type: "vocational_school", sector: "public", city: "Brescia", region: "Lombardia", country: "IT" },
  { name: "Officine Riva S.r.l.", type: "company", sector: "private", city: "Brescia", region: "Lombardia", country: "IT" },
];

export function interestInput(overrides: Partial<InterestFormData> = {}): InterestFormData {
  return {
    groupName: `Gruppo ${crypto.randomBytes(3).toString("hex")}`,
    contactName: "Giulia Test",
    contactEmail: `contact-${crypto.randomBytes(5).toString("hex")}@example.test`,
    contactPhone: "",
    locale: "it",
    occupationalField: "mechatronics",
    fieldDescription: "",
    scale: "regional",
    apprentices: 40,
    companies: 6,
    jointProjects: "",
    motivation: "Vogliamo imparare dal sistema duale tedesco.",
    projectIdea: "Un percorso comune per formatori aziendali in meccatronica.",
    themes: ["digitalisation"],
    actionAreas: ["workBasedLearning"],
    expectedValue: "",
    offeredValue: "",
    pastCooperation: "",
    fundedProjects: "",
    consent: "yes",
    introductions: true,
    members: italianMembers,
    ...overrides,
  };
}

/** Sends the input as the public form would (from its own IP, so rate limits of other tests do not count) and returns its id and token. */
export async function submitTestInterest(services: Services, input: InterestFormData = interestInput()): Promise<{ id: string; token: string }> {
  const ip = `198.51.100.${crypto.randomInt(1, 255)}-${crypto.randomBytes(3).toString("hex")}`;
  const outcome = await submitInterest(services, input, { ip, stamp: await formStamp(services, Date.now() - 3_600_000), honeypot: "" });
  if (!outcome.ok) throw new Error(`expression of interest refused: ${outcome.error}`);
  const mail = await services.db
    .selectFrom("outbox")
    .select("text_body")
    .where("to_address", "=", input.contactEmail)
    .where("kind", "=", "interestReceived")
    .orderBy("created_at", "desc")
    .executeTakeFirstOrThrow();
  const token = /\/interest\/mine\/([A-Za-z0-9_-]+)/.exec(mail.text_body)?.[1];
  if (!token) throw new Error("no private link in the confirmation mail");
  const row = await services.db.selectFrom("interest_expressions").select("id").where("contact_email", "=", input.contactEmail).orderBy("created_at", "desc").executeTakeFirstOrThrow();
  return { id: row.id, token };
}
