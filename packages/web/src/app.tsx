import { useEffect } from 'react'
import { Button, Center, Loader, Stack } from 'smarthr-ui'
import { ErrorNotice } from './components/error-notice.tsx'
import { NotFoundPage } from './components/not-found-page.tsx'
import { AccessReportPage } from './features/audit/access-report-page.tsx'
import { ClientDetailPage } from './features/clients/client-detail-page.tsx'
import { ClientListPage } from './features/clients/client-list-page.tsx'
import { EmployeeDetailPage } from './features/employees/employee-detail-page.tsx'
import { ImportWizardPage } from './features/import/import-wizard-page.tsx'
import { SelfServicePage } from './features/self-service/self-service-page.tsx'
import { InvitationPage } from './features/sign-in/invitation-page.tsx'
import { SignInPage } from './features/sign-in/sign-in-page.tsx'
import { UserListPage } from './features/users/user-list-page.tsx'
import { AppLayout } from './layout/app-layout.tsx'
import { navigate, useLocation } from './router/router.tsx'
import type { Route } from './router/routes.ts'
import { matchRoute, safeReturnPath } from './router/routes.ts'
import { useSession } from './session/session-context.tsx'

export function App() {
  const { pathname, search } = useLocation()
  const { state, retry } = useSession()
  const route = matchRoute(pathname)
  const isPublic = route.name === 'sign-in' || route.name === 'invitation'

  useEffect(() => {
    if (state.status === 'signed-out' && !isPublic) {
      navigate(`/sign-in?next=${encodeURIComponent(pathname)}`, { replace: true })
    }
    if (state.status === 'signed-in' && route.name === 'sign-in') {
      navigate(safeReturnPath(search.get('next')), { replace: true })
    }
    // An employee has one screen: their own page.
    if (
      state.status === 'signed-in' &&
      state.session.role === 'employee' &&
      !isPublic &&
      route.name !== 'me'
    ) {
      navigate('/me', { replace: true })
    }
  }, [state, isPublic, pathname, route.name, search])

  if (state.status === 'loading') {
    return (
      <Center minHeight="100vh">
        <Loader text="読み込んでいます…" />
      </Center>
    )
  }
  if (state.status === 'unreachable') {
    return (
      <Center minHeight="100vh" padding={1.5}>
        <Stack>
          <ErrorNotice error={state.error} />
          <div>
            <Button onClick={retry}>もう一度接続する</Button>
          </div>
        </Stack>
      </Center>
    )
  }
  if (route.name === 'invitation') return <InvitationPage />
  if (state.status === 'signed-out') {
    return route.name === 'sign-in' ? <SignInPage notice={state.notice} /> : null
  }
  if (route.name === 'sign-in') return null
  return <AppLayout>{screenOf(route, state.session.role)}</AppLayout>
}

function screenOf(route: Exclude<Route, { name: 'sign-in' | 'invitation' }>, role: string) {
  if (role === 'employee') return route.name === 'me' ? <SelfServicePage /> : null
  switch (route.name) {
    case 'clients':
      return <ClientListPage />
    case 'client':
      return <ClientDetailPage clientId={route.clientId} />
    case 'employee':
      return <EmployeeDetailPage clientId={route.clientId} employeeId={route.employeeId} />
    case 'users':
      return role === 'office_admin' ? (
        <UserListPage />
      ) : (
        <ErrorNotice message="利用者と権限の管理は事務所管理者だけが行えます。必要なときは事務所管理者に依頼してください。" />
      )
    case 'audit':
      return role === 'office_admin' ? (
        <AccessReportPage />
      ) : (
        <ErrorNotice message="アクセス状況は事務所管理者だけが表示できます。必要なときは事務所管理者に依頼してください。" />
      )
    case 'import':
      return role === 'office_admin' || role === 'office_staff' ? (
        <ImportWizardPage clientId={route.clientId} />
      ) : (
        <ErrorNotice message="ファイルからの取り込みは社労士事務所の担当者が行います。取り込みが必要なときは事務所に依頼してください。" />
      )
    case 'me':
      return (
        <ErrorNotice message="この画面は従業員本人向けです。事務所の画面は「顧問先」から開いてください。" />
      )
    case 'not-found':
      return <NotFoundPage />
  }
}
