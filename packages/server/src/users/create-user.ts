import type { Actor, Role } from '../access/access.ts'
import type { AuthDeps } from '../auth/auth-deps.ts'
import { notFound } from '../auth/auth-errors.ts'
import { LOGIN_ID_PATTERN, normaliseLoginId } from '../auth/login-id.ts'
import { withTenant } from '../tenancy/with-tenant.ts'
import type { IssuedInvitation } from './issue-invitation.ts'
import { issueInvitation } from './issue-invitation.ts'
import { recordUserAdministration } from './user-audit.ts'
import { isUniqueViolation, loginIdTaken, requestInvalid } from './user-errors.ts'
import { existingClientIds, insertUser, replaceClientAssignments } from './users.repo.ts'

export type CreatedUser = IssuedInvitation & { userId: string }

/**
 * An office administrator adds an office user (administrator, staff, or a client's HR contact)
 * and gets the invitation link to hand over; the user chooses the password and enrols TOTP
 * themselves, so nobody else ever knows them. Employees are invited per person instead
 * (invite-employee.ts).
 */
export async function createUser(
  deps: AuthDeps,
  actor: Actor,
  input: {
    loginId: string
    displayName: string
    role: Exclude<Role, 'employee'>
    clientIds: readonly string[]
  },
): Promise<CreatedUser> {
  const loginId = normaliseLoginId(input.loginId)
  if (!LOGIN_ID_PATTERN.test(loginId)) {
    throw requestInvalid(
      'loginId',
      'ログインIDは英小文字・数字と . _ @ + - の3〜100文字で、英数字で始めてください。',
    )
  }
  checkAssignable(input.role, input.clientIds)
  try {
    return await withTenant(deps.db, actor.officeId, async (trx) => {
      const found = await existingClientIds(trx, actor.officeId, input.clientIds)
      if (found.length !== new Set(input.clientIds).size) throw notFound('clientIds')
      const userId = await insertUser(trx, actor.officeId, {
        loginId,
        displayName: input.displayName,
        role: input.role,
        personId: null,
      })
      await replaceClientAssignments(trx, actor.officeId, userId, [...new Set(input.clientIds)])
      await recordUserAdministration(trx, actor, {
        type: 'USER_CREATED',
        operation: 'create',
        userId,
        fields: ['loginId', 'displayName', 'role', 'clientIds'],
      })
      const invitation = await issueInvitation(trx, deps, {
        officeId: actor.officeId,
        userId,
        createdBy: actor.userId,
      })
      return { userId, ...invitation }
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw loginIdTaken()
    throw error
  }
}

/** Only staff and HR contacts have assigned clients; administrators see every client anyway. */
export function checkAssignable(role: Role, clientIds: readonly string[]): void {
  if (clientIds.length > 0 && role !== 'office_staff' && role !== 'client_hr') {
    throw requestInvalid(
      'clientIds',
      '担当事業所を割り当てられるのは事務所職員と事業所の人事担当者だけです。',
    )
  }
}
