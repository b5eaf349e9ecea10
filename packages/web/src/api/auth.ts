import { api } from './client.ts'

/** Shapes of packages/server/src/auth/auth.schema.ts. */
export type Role = 'office_admin' | 'office_staff' | 'client_hr' | 'employee'
export type OfficeRole = Exclude<Role, 'employee'>

export type Session = {
  userId: string
  displayName: string
  loginId: string
  officeName: string
  officeId: string
  role: Role
  clientIds: string[]
  personId?: string
  csrfToken: string
  reauthenticatedUntil: string | null
}

export function fetchSession(): Promise<Session> {
  return api.get('/auth/session', { raw: true })
}

export function signInWithPassword(input: { loginId: string; password: string }) {
  return api.post<{ next: 'totp'; csrfToken: string }>('/auth/sign-in', { body: input, raw: true })
}

export function submitTotp(code: string): Promise<Session> {
  return api.post('/auth/totp', { body: { code }, raw: true })
}

export function reauthenticate(input: { password: string; code: string }): Promise<void> {
  return api.post('/auth/reauthenticate', { body: input, raw: true })
}

export function signOut(): Promise<void> {
  return api.post('/auth/sign-out', { raw: true })
}

export function acceptInvitation(input: { token: string; password: string }) {
  return api.post<{ next: 'totp_enrolment'; otpauthUri: string; csrfToken: string }>('/invitations/accept', {
    body: input,
    raw: true,
  })
}
