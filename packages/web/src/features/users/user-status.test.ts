import assert from 'node:assert/strict'
import { test } from 'node:test'
import { matchRoute } from '../../router/routes.ts'
import { invitationLink, userStatus } from './user-status.ts'

test('無効は招待の状態より優先する', () => {
  assert.equal(userStatus({ activated: false, disabled: true }).text, '無効')
  assert.equal(userStatus({ activated: false, disabled: false }).text, '招待中')
  assert.equal(userStatus({ activated: true, disabled: false }).text, '利用中')
})

test('招待リンクは招待の画面を開き、トークンはフラグメントにだけ載る', () => {
  const link = new URL(invitationLink('http://127.0.0.1:8080', 'abc.def+/'))
  assert.deepEqual(matchRoute(link.pathname), { name: 'invitation' })
  assert.equal(link.search, '')
  assert.equal(new URLSearchParams(link.hash.slice(1)).get('token'), 'abc.def+/')
})
