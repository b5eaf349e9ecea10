/**
 * Who may call a route, declared on the route itself (`config.access`) and enforced for every
 * request by the access hook (access-hook.ts). A route without a declaration cannot be registered.
 *
 * - `{ public: true }`: anyone, signed in or not (health, sign-in, invitation acceptance).
 * - `{ signInStep: true }`: a session that has passed the password but not yet the TOTP step.
 * - `{ roles, scope }`: an active session whose role is listed, and
 *   - scope `office`: the route works on the actor's office as a whole; it must itself narrow
 *     lists to what the actor may see (`clientScope(actor)`);
 *   - scope `client`: the URL has `:clientId`; the hook lets through only a client of the actor's
 *     office that the actor is assigned to (office administrators: any client of their office),
 *     and the route must find every nested id (`:employeeId` …) under that client;
 *   - scope `self`: the route acts only on the actor's own user or person, taken from the actor,
 *     never from the URL.
 *   `reauth: true` also requires password + TOTP within the last REAUTH_WINDOW_MS.
 */
export type Role = 'office_admin' | 'office_staff' | 'client_hr' | 'employee'

export const ROLES: readonly Role[] = ['office_admin', 'office_staff', 'client_hr', 'employee']

/** The roles of the office's own people (everyone but employees). */
export const OFFICE_ROLES: readonly Role[] = ['office_admin', 'office_staff', 'client_hr']

export type AccessScope = 'office' | 'client' | 'self'

export type RouteAccess =
  | { public: true }
  | { signInStep: true }
  | { roles: readonly Role[]; scope: AccessScope; reauth?: true }

/** The signed-in user a request acts for; set by the session hook from a server-side session. */
export type Actor = {
  userId: string
  officeId: string
  role: Role
  /** Clients (事業所) assigned to office staff and client HR contacts; empty for others. */
  clientIds: readonly string[]
  /** The person an employee user is; absent for other roles. */
  personId?: string
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value)
}

/** Which clients the actor may see: all of the office, or the listed ones. */
export function clientScope(actor: Actor): 'all' | readonly string[] {
  if (actor.role === 'office_admin') return 'all'
  if (actor.role === 'employee') return []
  return actor.clientIds
}

/** Whether the actor may work on this client, given the client belongs to the actor's office. */
export function mayAccessClient(actor: Actor, clientId: string): boolean {
  const scope = clientScope(actor)
  return scope === 'all' || scope.includes(clientId)
}
