import { z } from 'zod'
import { ROLES } from '../access/access.ts'
import { MAX_PASSWORD_LENGTH } from './password-policy.ts'

/** Request and response schemas of sign-in, sessions and invitation acceptance. */
const password = z
  .string()
  .min(1)
  .max(MAX_PASSWORD_LENGTH * 4)
const totpCode = z.string().regex(/^[0-9]{6}$/)

export const ZSignInRequest = z.object({ loginId: z.string().min(1).max(200), password }).strict()
export const ZSignInStepResponse = z.object({ next: z.literal('totp'), csrfToken: z.string() })

export const ZTotpRequest = z.object({ code: totpCode }).strict()
export const ZReauthenticateRequest = z.object({ password, code: totpCode }).strict()

export const ZSessionResponse = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  loginId: z.string(),
  officeName: z.string(),
  officeId: z.uuid(),
  role: z.enum(ROLES),
  clientIds: z.array(z.uuid()),
  personId: z.uuid().optional(),
  csrfToken: z.string(),
  /** Until when sensitive acts are allowed without entering password and code again. */
  reauthenticatedUntil: z.iso.datetime().nullable(),
})

export const ZAcceptInvitationRequest = z.object({ token: z.string().min(1).max(200), password }).strict()
export const ZAcceptInvitationResponse = z.object({
  next: z.literal('totp_enrolment'),
  /** otpauth:// URI with the new TOTP secret, shown once (as a QR code) and never again. */
  otpauthUri: z.string(),
  csrfToken: z.string(),
})
