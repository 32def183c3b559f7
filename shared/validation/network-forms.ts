import { z } from "zod";
import { NETWORK_ROLES, PLATFORM_ROLES } from "../roles";
import { choice, email, locale, optionalChoice } from "./fields";

export const inviteToNetworkForm = z.object({ email, role: choice(NETWORK_ROLES), locale });
export const changeRoleForm = z.object({ userId: z.string().min(1).max(100), role: choice(NETWORK_ROLES) });
export const removeMemberForm = z.object({ userId: z.string().min(1).max(100) });
export const revokeInvitationForm = z.object({ invitationId: z.string().min(1).max(100) });
/** Hand over coordination to another member; "stay coordinator as well" is an unticked-by-default checkbox. */
export const handOverForm = z.object({
  recipientId: z.string({ required_error: "validation.choice", invalid_type_error: "validation.choice" }).min(1, "validation.choice").max(100, "validation.choice"),
  stayCoordinator: z
    .union([z.literal("on"), z.literal(""), z.null(), z.undefined()], { errorMap: () => ({ message: "validation.choice" }) })
    .transform((v) => v === "on"),
});

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
