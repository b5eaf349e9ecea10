import type { Actor, Role } from '../access/access.ts'
import type { AuthDeps } from '../auth/auth-deps.ts'
import { notFound } from '../auth/auth-errors.ts'
import { endUserSessions } from '../auth/sessions.repo.ts'
import { withTenant } from '../tenancy/with-tenant.ts'
import { checkAssignable } from './create-user.ts'
import type { IssuedInvitation } from './issue-invitation.ts'
import { issueInvitation } from './issue-invitation.ts'
import { recordUserAdministration } from './user-audit.ts'
import { userStateConflict } from './user-errors.ts'
import type { UserAuthRow } from './users.repo.ts'
import {
  disableUser,
  existingClientIds,
  findUserForAuth,
  replaceClientAssignments,
  setRole,
} from './users.repo.ts'

/**
 * The office administrator's changes to a user of the same office. A user of another office is
 * not found. Administrators cannot demote or disable themselves, so an office always keeps one.
 */
type Target = { userId: string }

async function loadTarget(
  trx: Parameters<typeof findUserForAuth>[0],
  actor: Actor,
  target: Target,
): Promise<UserAuthRow> {
  const user = await findUserForAuth(trx, actor.officeId, target.userId)
  if (user === null) throw notFound('userId')
  return user
}

export async function assignClients(
  deps: AuthDeps,
  actor: Actor,
  input: Target & { clientIds: readonly string[] },
): Promise<void> {
  await withTenant(deps.db, actor.officeId, async (trx) => {
    const user = await loadTarget(trx, actor, input)
    checkAssignable(user.role, input.clientIds)
    const unique = [...new Set(input.clientIds)]
    if ((await existingClientIds(trx, actor.officeId, unique)).length !== unique.length)
      throw notFound('clientIds')
    await replaceClientAssignments(trx, actor.officeId, user.id, unique)
    await recordUserAdministration(trx, actor, {
      type: 'CLIENTS_ASSIGNED',
      operation: 'update',
      userId: user.id,
      fields: ['clientIds'],
    })
  })
}

export async function changeRole(
  deps: AuthDeps,
  actor: Actor,
  input: Target & { role: Exclude<Role, 'employee'> },
): Promise<void> {
  await withTenant(deps.db, actor.officeId, async (trx) => {
    const user = await loadTarget(trx, actor, input)
    if (user.id === actor.userId) {
      throw userStateConflict('自分自身の役割は変更できません。別の管理者に依頼してください。', 'userId')
    }
    if (user.role === 'employee') {
      throw userStateConflict('従業員の利用者は役割を変更できません。', 'role')
    }
    await setRole(trx, actor.officeId, user.id, input.role)
    if (input.role === 'office_admin') await replaceClientAssignments(trx, actor.officeId, user.id, [])
    await recordUserAdministration(trx, actor, {
      type: 'ROLE_CHANGED',
      operation: 'update',
      userId: user.id,
      fields: input.role === 'office_admin' ? ['role', 'clientIds'] : ['role'],
    })
  })
}

export async function disable(deps: AuthDeps, actor: Actor, input: Target): Promise<void> {
  const at = deps.now()
  await withTenant(deps.db, actor.officeId, async (trx) => {
    const user = await loadTarget(trx, actor, input)
    if (user.id === actor.userId) {
      throw userStateConflict('自分自身は無効にできません。別の管理者に依頼してください。', 'userId')
    }
    await disableUser(trx, actor.officeId, user.id, at)
    await endUserSessions(trx, actor.officeId, user.id, 'user_disabled', at)
    await recordUserAdministration(trx, actor, {
      type: 'USER_DISABLED',
      operation: 'update',
      userId: user.id,
      fields: ['disabledAt'],
    })
  })
}

/** A new invitation link for a user who has not finished the previous one. */
export async function reinvite(deps: AuthDeps, actor: Actor, input: Target): Promise<IssuedInvitation> {
  return withTenant(deps.db, actor.officeId, async (trx) => {
    const user = await loadTarget(trx, actor, input)
    if (user.activatedAt !== null || user.disabledAt !== null) {
      throw userStateConflict('この利用者は既に利用を開始しているか、無効です。', 'userId')
    }
    return issueInvitation(trx, deps, { officeId: actor.officeId, userId: user.id, createdBy: actor.userId })
  })
}
