import type { MouseEvent, ReactNode } from 'react'
import { AppNavi, AppNaviAnchor, Button, Header, Stack, Text } from 'smarthr-ui'
import { ROLE_LABEL } from '../format/labels.ts'
import { navigate, useLocation } from '../router/router.tsx'
import { useCurrentSession, useSession } from '../session/session-context.tsx'

/** The header (product, who is signed in, sign-out), the screens the role may use, then the screen. */
export function AppLayout({ children }: { children: ReactNode }) {
  const session = useCurrentSession()
  const { signOut } = useSession()
  const { pathname } = useLocation()
  const go = (path: string) => (event: MouseEvent) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey) return
    event.preventDefault()
    navigate(path)
  }
  const item = (path: string, label: string) => (
    <AppNaviAnchor
      href={path}
      onClick={go(path)}
      current={pathname === path || pathname.startsWith(`${path}/`)}
    >
      {label}
    </AppNaviAnchor>
  )
  return (
    <>
      <Header
        logo={
          <Text
            color="TEXT_WHITE"
            weight="bold"
            size="L"
            style={{ display: 'inline-block', padding: '0.75rem' }}
          >
            Mamori
          </Text>
        }
        logoHref={session.role === 'employee' ? '/me' : '/clients'}
      >
        {/* Who is signed in, for which office, as what: a shared PC shows whose session is open. */}
        <Text color="TEXT_WHITE" size="S">
          {session.officeName}　{session.displayName}（{session.loginId}・{ROLE_LABEL[session.role]}）
        </Text>
        <Button size="s" onClick={() => void signOut()}>
          サインアウト
        </Button>
      </Header>
      <AppNavi>
        {session.role === 'employee' ? item('/me', '個人番号の提出') : item('/clients', '顧問先')}
        {session.role === 'office_admin' ? item('/audit', 'アクセス状況') : null}
        {session.role === 'office_admin' ? item('/users', '利用者と権限') : null}
      </AppNavi>
      <main style={{ padding: '1.5rem', maxWidth: '80rem', marginInline: 'auto' }}>
        <Stack gap={1.5}>{children}</Stack>
      </main>
    </>
  )
}
