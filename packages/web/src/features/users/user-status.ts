import type { OfficeUser } from '../../api/users.ts'

/** Whether a user can sign in, is still to accept the invitation, or was disabled. */
export function userStatus(user: Pick<OfficeUser, 'activated' | 'disabled'>): {
  text: string
  type: 'green' | 'warning' | 'grey'
} {
  if (user.disabled) return { text: '無効', type: 'grey' }
  if (!user.activated) return { text: '招待中', type: 'warning' }
  return { text: '利用中', type: 'green' }
}

/** The link a new user opens; the token rides in the fragment so no server ever logs it. */
export function invitationLink(origin: string, token: string): string {
  return `${origin}/invitation#token=${encodeURIComponent(token)}`
}
