import type { ReactNode } from 'react'
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react'
import type { ApiError } from '../api/api-error.ts'
import type { Session } from '../api/auth.ts'
import { fetchSession, signOut as requestSignOut } from '../api/auth.ts'
import { api } from '../api/client.ts'
import { asApiError } from '../components/use-load.ts'
import { forgetPlaces } from '../features/employees/list-memory.ts'
import { navigate } from '../router/router.tsx'
import { ReauthDialog } from './reauth-dialog.tsx'

export type SessionState =
  | { status: 'loading' }
  | { status: 'unreachable'; error: ApiError }
  | { status: 'signed-out'; notice: string | null }
  | { status: 'signed-in'; session: Session }

type SessionContextValue = {
  state: SessionState
  /** After sign-in or invitation acceptance: the session the server answered with. */
  signedIn(session: Session): void
  signOut(): Promise<void>
  retry(): void
}

const SessionContext = createContext<SessionContextValue | null>(null)

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext)
  if (value === null) throw new Error('useSession outside SessionProvider')
  return value
}

/** The signed-in session; only for screens shown behind sign-in. */
export function useCurrentSession(): Session {
  const { state } = useSession()
  if (state.status !== 'signed-in') throw new Error('useCurrentSession outside a signed-in screen')
  return state.session
}

/**
 * Holds the session (GET /api/auth/session at start), hands its CSRF token to the API client, and
 * answers the client's hooks: an ended session goes to sign-in with the server's message, a
 * sensitive act opens the re-authentication dialog and waits for it.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' })
  const [round, setRound] = useState(0)
  const [reauthOpen, setReauthOpen] = useState(false)
  const pendingReauth = useRef<Array<(ok: boolean) => void>>([])

  const signedIn = useCallback((session: Session) => {
    api.setCsrfToken(session.csrfToken)
    setState({ status: 'signed-in', session })
  }, [])

  useEffect(() => {
    api.setHooks({
      onUnauthenticated: (error) => {
        api.setCsrfToken(null)
        forgetPlaces()
        setState({ status: 'signed-out', notice: error.message })
      },
      reauthenticate: () =>
        new Promise<boolean>((resolve) => {
          pendingReauth.current.push(resolve)
          setReauthOpen(true)
        }),
    })
  }, [])

  // biome-ignore lint/correctness/useExhaustiveDependencies: round asks for the session again
  useEffect(() => {
    let current = true
    setState({ status: 'loading' })
    fetchSession().then(
      (session) => current && signedIn(session),
      (error: unknown) => {
        if (!current) return
        const apiError = asApiError(error)
        setState(
          apiError.code === 'UNAUTHENTICATED'
            ? { status: 'signed-out', notice: null }
            : { status: 'unreachable', error: apiError },
        )
      },
    )
    return () => {
      current = false
    }
  }, [round, signedIn])

  const signOut = useCallback(async () => {
    await requestSignOut().catch(() => {})
    api.setCsrfToken(null)
    forgetPlaces()
    setState({ status: 'signed-out', notice: 'サインアウトしました。' })
    navigate('/sign-in')
  }, [])

  const settleReauth = (ok: boolean) => {
    setReauthOpen(false)
    for (const resolve of pendingReauth.current.splice(0)) resolve(ok)
  }

  const value = useMemo(
    () => ({ state, signedIn, signOut, retry: () => setRound((r) => r + 1) }),
    [state, signedIn, signOut],
  )
  return (
    <SessionContext.Provider value={value}>
      {children}
      {/* Mounted only while asked, so that it opens above the dialog whose request needed it. */}
      {reauthOpen ? (
        <ReauthDialog onDone={() => settleReauth(true)} onCancel={() => settleReauth(false)} />
      ) : null}
    </SessionContext.Provider>
  )
}
