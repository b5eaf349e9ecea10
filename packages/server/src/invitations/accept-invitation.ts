import type { AuthDeps } from '../auth/auth-deps.ts'
import { invitationInvalid } from '../auth/auth-errors.ts'
import { hashPassword } from '../auth/password.ts'
import { checkPassword, PASSWORD_REFUSAL_JA } from '../auth/password-policy.ts'
import { insertSession } from '../auth/sessions.repo.ts'
import { hashTokenSecret, newOfficeToken, parseOfficeToken } from '../auth/tokens.ts'
import { newTotpSecret, totpUri } from '../auth/totp.ts'
import { ServerError } from '../errors.ts'
import { withTenant } from '../tenancy/with-tenant.ts'
import { findUserForAuth, setPasswordAndTotp } from '../users/users.repo.ts'
import { findOpenInvitation } from './invitations.repo.ts'

export type AcceptedInvitation = { token: string; otpauthUri: string }

/**
 * The invited user chooses a password and receives a new TOTP secret (shown once, as an
 * otpauth:// URI). The session that comes back is in stage `totp_enrolment`: the account becomes
 * active, and the invitation used up, only when the first code confirms the secret
 * (completeSignIn). Until then the link still works, so a user who lost the page can start over;
 * each start replaces the password and the secret.
 */
export async function acceptInvitation(
  deps: AuthDeps,
  input: { token: string; password: string },
): Promise<AcceptedInvitation> {
  const parsed = parseOfficeToken(input.token)
  if (parsed === null) throw invitationInvalid()
  const at = deps.now()
  const found = await withTenant(deps.db, parsed.officeId, async (trx) => {
    const invitation = await findOpenInvitation(trx, parsed.officeId, hashTokenSecret(parsed.secret), at)
    if (invitation === null) return null
    const user = await findUserForAuth(trx, parsed.officeId, invitation.userId)
    const office = await trx
      .selectFrom('offices')
      .select('name')
      .where('id', '=', parsed.officeId)
      .executeTakeFirst()
    return user === null || user.disabledAt !== null || user.activatedAt !== null
      ? null
      : { user, officeName: office?.name }
  })
  if (found === null) throw invitationInvalid()
  const { user } = found
  const refusal = checkPassword(input.password, {
    loginId: user.loginId,
    displayName: user.displayName,
    ...(found.officeName === undefined ? {} : { officeName: found.officeName }),
  })
  if (refusal !== null) {
    throw new ServerError({
      code: 'PASSWORD_REJECTED',
      message: `password refused: ${refusal}`,
      messageJa: PASSWORD_REFUSAL_JA[refusal],
      field: 'password',
    })
  }
  const passwordHash = await hashPassword(input.password)
  const totpSecret = newTotpSecret()
  const issued = await withTenant(deps.db, user.officeId, async (trx) => {
    await setPasswordAndTotp(trx, user.officeId, user.id, passwordHash, totpSecret)
    const { token, hash } = newOfficeToken(user.officeId)
    await insertSession(trx, user.officeId, { userId: user.id, tokenHash: hash, stage: 'totp_enrolment', at })
    return token
  })
  return { token: issued, otpauthUri: totpUri(totpSecret, user.loginId) }
}
