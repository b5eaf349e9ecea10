import { z } from 'zod'

const officeRole = z.enum(['office_admin', 'office_staff', 'client_hr'])

export const ZUserParams = z.object({ userId: z.uuid() })

export const ZCreateUserRequest = z
  .object({
    loginId: z.string().min(1).max(200),
    displayName: z.string().trim().min(1).max(100),
    role: officeRole,
    clientIds: z.array(z.uuid()).max(1000).default([]),
  })
  .strict()

export const ZInvitationResponse = z.object({
  userId: z.uuid(),
  /** Handed to the user once (as a link); never shown again. */
  invitationToken: z.string(),
  expiresAt: z.iso.datetime(),
})

export const ZAssignClientsRequest = z.object({ clientIds: z.array(z.uuid()).max(1000) }).strict()
export const ZChangeRoleRequest = z.object({ role: officeRole }).strict()

export const ZUserListResponse = z.object({
  users: z.array(
    z.object({
      id: z.uuid(),
      loginId: z.string(),
      displayName: z.string(),
      role: z.enum(['office_admin', 'office_staff', 'client_hr', 'employee']),
      personId: z.uuid().nullable(),
      clientIds: z.array(z.uuid()),
      activated: z.boolean(),
      disabled: z.boolean(),
    }),
  ),
})

export const ZEmployeeInvitationParams = z.object({ clientId: z.uuid(), employeeId: z.uuid() })
export const ZEmployeeInvitationRequest = z.object({ loginId: z.string().min(1).max(200) }).strict()
