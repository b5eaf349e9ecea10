import type { OfficeRole, Role } from './auth.ts'
import { api } from './client.ts'

/** Shapes of packages/server/src/users/users.schema.ts. */
export type OfficeUser = {
  id: string
  loginId: string
  displayName: string
  role: Role
  personId: string | null
  clientIds: string[]
  activated: boolean
  disabled: boolean
}

export type Invitation = { userId: string; invitationToken: string; expiresAt: string }

export async function listUsers(): Promise<OfficeUser[]> {
  return (await api.get<{ users: OfficeUser[] }>('/users')).users
}

export function createUser(input: {
  loginId: string
  displayName: string
  role: OfficeRole
  clientIds: string[]
}): Promise<Invitation> {
  return api.post('/users', { body: input })
}

const userPath = (userId: string) => `/users/${encodeURIComponent(userId)}`

export function changeRole(userId: string, role: OfficeRole): Promise<void> {
  return api.put(`${userPath(userId)}/role`, { body: { role } })
}

export function assignClients(userId: string, clientIds: string[]): Promise<void> {
  return api.put(`${userPath(userId)}/clients`, { body: { clientIds } })
}

export function disableUser(userId: string): Promise<void> {
  return api.post(`${userPath(userId)}/disable`)
}

export function reinviteUser(userId: string): Promise<Invitation> {
  return api.post(`${userPath(userId)}/invitation`)
}
