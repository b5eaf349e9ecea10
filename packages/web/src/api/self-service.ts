import type { SealedNumber } from '@mamori/vault/contract'
import type { AccessHistoryItem } from './access-history.ts'
import { api } from './client.ts'
import type { Employee } from './employees.ts'
import type { Invitation } from './users.ts'

/** The documents seen for 本人確認 (番号法16条): one for the number, one for who the person is. */
export type IdentityCheckInput = { numberCheck: string; identityCheck: string }

/** A number sealed in the page, as the relay takes it (server my-number.schema.ts, ZMyNumberRegistration). */
export type MyNumberRegistration = {
  purpose: string
  sealed: SealedNumber
  identityCheck: IdentityCheckInput
}

/** The server's ZMyNumberStatus: what the vault says about one person's number, never the digits. */
export type VaultNumberStatus = {
  subjectId: string
  registered: boolean
  registeredAt: string | null
  identityCheck: { numberCheck: string; identityCheck: string; checkedAt: string } | null
  refusal: { requestedAt: string; answer: string } | null
}

export type VaultPublicKey = { keyId: string; publicKey: string }

/** The key numbers are sealed to in the page (any signed-in role may read it). */
export function fetchVaultPublicKey(): Promise<VaultPublicKey> {
  return api.get('/vault/public-key')
}

/** The signed-in employee's own record; the person comes from the session, never the URL. */
export function fetchOwnEmployee(): Promise<Employee> {
  return api.get('/me/employee')
}

export function fetchOwnMyNumberStatus(): Promise<{
  self: VaultNumberStatus
  dependents: VaultNumberStatus[]
}> {
  return api.get('/me/my-number')
}

/** The employee's own number, or one of their dependents'. */
export function registerOwnMyNumber(
  registration: MyNumberRegistration & { dependentId?: string },
): Promise<{ registeredAt: string }> {
  return api.put('/me/my-number', { body: registration })
}

/** Who read or changed the employee's and their dependents' data (マイナポータル-style 本人 view). */
export async function fetchOwnAccessHistory(days: number): Promise<AccessHistoryItem[]> {
  return (await api.get<{ items: AccessHistoryItem[] }>('/me/access-history', { query: { days } })).items
}

/** The office invites the employee to this page; re-authentication is asked for by the API client. */
export function inviteEmployee(clientId: string, employeeId: string, loginId: string): Promise<Invitation> {
  return api.post(
    `/clients/${encodeURIComponent(clientId)}/employees/${encodeURIComponent(employeeId)}/invitation`,
    {
      body: { loginId },
    },
  )
}
