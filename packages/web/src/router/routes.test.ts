import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { matchRoute, pathOf, safeReturnPath } from './routes.ts'

const CLIENT = '0b7c2f55-4c1e-4d8a-9f51-2a8d6f0e9c11'
const EMPLOYEE = '6f1d8a2e-3b4c-4d5e-8f90-a1b2c3d4e5f6'

describe('matchRoute / pathOf', () => {
  test('各画面のパスは往復で同じ画面になる', () => {
    const routes = [
      { name: 'sign-in' },
      { name: 'invitation' },
      { name: 'clients' },
      { name: 'client', clientId: CLIENT },
      { name: 'employee', clientId: CLIENT, employeeId: EMPLOYEE },
      { name: 'users' },
      { name: 'audit' },
      { name: 'import', clientId: CLIENT },
      { name: 'me' },
    ] as const
    for (const route of routes) assert.deepEqual(matchRoute(pathOf(route)), route)
  })

  test('/ と末尾のスラッシュは顧問先一覧', () => {
    assert.deepEqual(matchRoute('/'), { name: 'clients' })
    assert.deepEqual(matchRoute('/clients/'), { name: 'clients' })
  })

  test('知らないパスと ID でない部分は not-found', () => {
    for (const path of ['/clients/abc', '/clients/../users', '/api/clients', `/clients/${CLIENT}/x`]) {
      assert.deepEqual(matchRoute(path), { name: 'not-found' })
    }
  })
})

describe('safeReturnPath', () => {
  test('この画面のパスだけを戻り先にする', () => {
    assert.equal(safeReturnPath(`/clients/${CLIENT}`), `/clients/${CLIENT}`)
    for (const path of [null, '//evil.example/x', 'https://evil.example', '/sign-in', '/nope']) {
      assert.equal(safeReturnPath(path), '/clients')
    }
  })
})
