import { z } from "zod";
import { NETWORK_ROLES, PLATFORM_ROLES } from "../roles";
import { choice, email, locale, optionalChoice } from "./fields";

export const inviteToNetworkForm = z.object({ email, role: choice(NETWORK_ROLES), locale });
export const changeRoleForm = z.object({ userId: z.string().min(1).max(100), role: choice(NETWORK_ROLES) });
export const removeMemberForm = z.object({ userId: z.string().min(1).max(100) });
export const revokeInvitationForm = z.object({ invitationId: z.string().min(1).max(100) });

/** Admin invitation: to a network with a role, and/or a platform role. */
export const adminInviteForm = z
  .object({
    email,
    locale,
    networkId: z.string().max(100).optional().transform((v) => v || null),
    networkRole: optionalChoice(NETWORK_ROLES),
    platformRole: optionalChoice(PLATFORM_ROLES),
  })
  .refine((v) => v.networkId || v.platformRole, { message: "validation.networkOrRole", path: ["networkId"] });
