import type { Actor } from '../access/access.ts'
import type { AuthDeps } from '../auth/auth-deps.ts'
import { notFound } from '../auth/auth-errors.ts'
import { LOGIN_ID_PATTERN, normaliseLoginId } from '../auth/login-id.ts'
import { withTenant } from '../tenancy/with-tenant.ts'
import type { IssuedInvitation } from '../users/issue-invitation.ts'
import { issueInvitation } from '../users/issue-invitation.ts'
import { recordUserAdministration } from '../users/user-audit.ts'
import { isUniqueViolation, loginIdTaken, requestInvalid, userStateConflict } from '../users/user-errors.ts'
import { insertUser } from '../users/users.repo.ts'
import { employeeBelongsToClient, findUserOfPerson } from './invitations.repo.ts'

/**
 * Invites an employee to the self-service pages: an employee user bound to this one person (it
 * will only ever see that person's data), and a single-use, expiring link. Asking again before
 * the employee has accepted replaces the link; an employee already active is a conflict.
 */
export async function inviteEmployee(
  deps: AuthDeps,
  actor: Actor,
  input: { clientId: string; employeeId: string; loginId: string },
): Promise<IssuedInvitation & { userId: string }> {
  const loginId = normaliseLoginId(input.loginId)
  if (!LOGIN_ID_PATTERN.test(loginId)) {
    throw requestInvalid(
      'loginId',
      'ログインIDは英小文字・数字と . _ @ + - の3〜100文字で、英数字で始めてください。',
    )
  }
  try {
    return await withTenant(deps.db, actor.officeId, async (trx) => {
      if (!(await employeeBelongsToClient(trx, actor.officeId, input.clientId, input.employeeId))) {
        throw notFound('employeeId')
      }
      const existing = await findUserOfPerson(trx, actor.officeId, input.employeeId)
      if (existing !== null && (existing.activated || existing.disabled)) {
        throw userStateConflict('この従業員は既に利用を開始しているか、利用者が無効です。', 'employeeId')
      }
      let userId = existing?.id
      if (userId === undefined) {
        userId = await insertUser(trx, actor.officeId, {
          loginId,
          displayName: loginId,
          role: 'employee',
          personId: input.employeeId,
        })
        await recordUserAdministration(trx, actor, {
          type: 'USER_CREATED',
          operation: 'create',
          userId,
          fields: ['loginId', 'role', 'personId'],
        })
      }
      const invitation = await issueInvitation(trx, deps, {
        officeId: actor.officeId,
        userId,
        createdBy: actor.userId,
        person: { clientId: input.clientId, employeeId: input.employeeId },
      })
      return { userId, ...invitation }
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw loginIdTaken()
    throw error
  }
}
