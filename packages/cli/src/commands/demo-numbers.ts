import { sealNumberForVault } from '@mamori/vault-client'
// The server's My Number relay, so each registration leaves the status row and audit entry the
// app's own route leaves; @mamori/server does not export it, hence the path.
import type { MyNumberDeps } from '../../../server/src/my-number/my-number-operations.ts'
import { registerMyNumber, vaultPublicKey } from '../../../server/src/my-number/my-number-operations.ts'
import type { OperationContext } from '../../../server/src/people/operation-context.ts'
import type { DemoSubject } from './demo-office.ts'

/** The 個人番号関係事務 the demo numbers are collected for. */
const PURPOSE = 'SOCIAL_INSURANCE_FILING'
/** Registrations in flight at once: the vault commits those that arrive together in one batch. */
const IN_FLIGHT = 8

/**
 * Registers each demo person's number in the vault through the server's relay. This CLI is the
 * device: it seals each number to the vault's public key, bound to the office, the person and the
 * purpose, so the server (and its database and logs) only ever sees ciphertext. The synthetic
 * identity check is the My Number card for both the number and the person.
 */
export async function registerDemoNumbers(
  deps: MyNumberDeps,
  ctx: OperationContext,
  subjects: readonly DemoSubject[],
): Promise<number> {
  const key = await vaultPublicKey(deps)
  let next = 0
  const register = async (): Promise<void> => {
    for (let i = next++; i < subjects.length; i = next++) {
      const subject = subjects[i]!
      const subjectId = subject.dependentId ?? subject.employeeId
      const sealed = await sealNumberForVault(key.publicKey, key.keyId, subject.myNumber, {
        tenantId: ctx.actor.officeId,
        subjectId,
        purpose: PURPOSE,
      })
      await registerMyNumber(
        deps,
        ctx,
        {
          kind: 'office',
          clientId: subject.clientId,
          employeeId: subject.employeeId,
          dependentId: subject.dependentId,
        },
        {
          purpose: PURPOSE,
          sealed,
          identityCheck: { numberCheck: 'MY_NUMBER_CARD', identityCheck: 'MY_NUMBER_CARD' },
        },
      )
    }
  }
  await Promise.all(Array.from({ length: IN_FLIGHT }, register))
  return subjects.length
}
