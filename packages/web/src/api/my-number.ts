import { api } from './client.ts'

/** The person whose My Number is meant: an employee, or one of their dependents. */
export type MyNumberSubject = { clientId: string; employeeId: string; dependentId?: string }

/** The answer of POST …/my-number/reveal (packages/server/src/my-number/my-number.schema.ts, ZRevealed). */
export type RevealedMyNumber = {
  masked: string
  /** The number sealed by the vault to the key this page made for the one reveal. */
  sealed: { enc: string; ciphertext: string }
  /** Bound into the seal: the page opens it only for this request. */
  requestId: string
}

export function myNumberPath(subject: MyNumberSubject): string {
  const employee = `/clients/${encodeURIComponent(subject.clientId)}/employees/${encodeURIComponent(subject.employeeId)}`
  return subject.dependentId === undefined
    ? `${employee}/my-number`
    : `${employee}/dependents/${encodeURIComponent(subject.dependentId)}/my-number`
}

/** Office administrators only, after re-authentication (the API client asks for it), with a reason. */
export function requestReveal(
  subject: MyNumberSubject,
  input: { reason: string; recipientPublicKey: string },
): Promise<RevealedMyNumber> {
  return api.post(`${myNumberPath(subject)}/reveal`, { body: input })
}
