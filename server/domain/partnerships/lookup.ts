/** A partnership row for route guards (the policy decides through its application document). */
import type { Services } from "#server/services";
import { findPartnership } from "#db/queries/partnerships";

export const findPartnershipRow = (services: Services, id: string) => findPartnership(services.db, id);
