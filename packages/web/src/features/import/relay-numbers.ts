import { sealNumberForVault } from '@mamori/vault/contract'
import type { CommittedSubject } from '../../api/imports.ts'
import type { IdentityCheckInput, MyNumberRegistration, VaultPublicKey } from '../../api/self-service.ts'
import { REGISTRATION_PURPOSE } from '../self-service/purposes.ts'

/** One number of the file, matched to the person the commit made for its row. */
export type NumberJob = { subject: CommittedSubject; number: string }

/** The committed rows that had a valid number in the file, in the file's order. */
export function numberJobs(
  subjects: readonly CommittedSubject[],
  numbers: { employees: ReadonlyMap<number, string>; dependents: ReadonlyMap<number, string> },
): NumberJob[] {
  return subjects.flatMap((subject) => {
    const number = numbers[subject.table].get(subject.row)
    return number === undefined ? [] : [{ subject, number }]
  })
}

/**
 * Seals each number in the page to the vault's key, bound to the office, the person and the
 * purpose (a ciphertext made for one person opens for no other), and hands it to `send`. The
 * plaintext never leaves this function; failures are kept by row, with the server's message.
 */
export async function relayNumbers(
  jobs: readonly NumberJob[],
  options: {
    key: VaultPublicKey
    officeId: string
    identityCheck: IdentityCheckInput
    send(subject: CommittedSubject, registration: MyNumberRegistration): Promise<unknown>
    onProgress(done: number): void
  },
): Promise<Array<{ subject: CommittedSubject; message: string }>> {
  const failures: Array<{ subject: CommittedSubject; message: string }> = []
  let done = 0
  for (const { subject, number } of jobs) {
    try {
      const sealed = await sealNumberForVault(options.key.publicKey, options.key.keyId, number, {
        tenantId: options.officeId,
        subjectId: subject.subjectId,
        purpose: REGISTRATION_PURPOSE,
      })
      await options.send(subject, {
        purpose: REGISTRATION_PURPOSE,
        sealed,
        identityCheck: options.identityCheck,
      })
    } catch (error) {
      failures.push({
        subject,
        message:
          error instanceof Error && error.name === 'ApiError'
            ? error.message
            : '個人番号を暗号化できませんでした。ページを再読み込みしてから、もう一度お試しください。',
      })
    }
    options.onProgress(++done)
  }
  return failures
}
