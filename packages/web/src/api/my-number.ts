import { api } from './client.ts'
import type { MyNumberRegistration, VaultNumberStatus } from './self-service.ts'

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

/** The vault's status of the person: registration, the 本人確認 documents, a recorded refusal (audited). */
export function fetchMyNumberStatus(subject: MyNumberSubject): Promise<VaultNumberStatus> {
  return api.get(myNumberPath(subject))
}

/**
 * A number sealed in the page for this person; `approvedBy` names the second user who approved
 * registering a number already on file for someone else (dual control).
 */
export function registerMyNumber(
  subject: MyNumberSubject,
  registration: MyNumberRegistration & { approvedBy?: string },
): Promise<{ registeredAt: string }> {
  return api.put(myNumberPath(subject), { body: registration })
}

/** How the office asked for the number (番号法: the 経過 is kept when a person does not provide it). */
export type RefusalInput = {
  requestedAt: string
  method: 'IN_PERSON' | 'MAIL' | 'EMAIL' | 'ONLINE' | 'PHONE'
  answer: 'REFUSED' | 'NOT_SUPPLIED' | 'WILL_SUPPLY_LATER'
}

export function recordRefusal(
  subject: MyNumberSubject,
  input: RefusalInput,
): Promise<{ recordedAt: string }> {
  return api.post(`${myNumberPath(subject)}/refusal`, { body: input })
}

/** The second user's approval of the open request to register a duplicate number for this person. */
export function approveRegistration(subject: MyNumberSubject): Promise<{ approvedAt: string }> {
  return api.post(`${myNumberPath(subject)}/approve`)
}
