import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { ApiError } from './api-error.ts'
import { createApiClient, urlOf } from './http-client.ts'

type Sent = { url: string; init: RequestInit }

/** A stand-in for the network (not our code): answers in turn, and keeps what was sent. */
function network(...answers: Array<{ status: number; body?: unknown }>) {
  const sent: Sent[] = []
  const fetchImpl = async (url: string, init: RequestInit) => {
    sent.push({ url, init })
    const answer = answers.shift()
    if (answer === undefined) throw new TypeError('Failed to fetch')
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json' },
    })
  }
  return { sent, fetchImpl }
}

const headersOf = (sent: Sent | undefined) => (sent?.init.headers ?? {}) as Record<string, string>

describe('createApiClient', () => {
  test('変更を伴う要求にだけ CSRF トークンを付け、Cookie は同一オリジンに限って送る', async () => {
    const { sent, fetchImpl } = network({ status: 200, body: { items: [] } }, { status: 204 })
    const api = createApiClient(fetchImpl)
    api.setCsrfToken('token-1')
    await api.get('/clients')
    await api.post('/auth/sign-out')
    assert.equal(headersOf(sent[0])['x-csrf-token'], undefined)
    assert.equal(headersOf(sent[1])['x-csrf-token'], 'token-1')
    assert.ok(sent.every((s) => s.init.credentials === 'same-origin'))
  })

  test('エラーはサーバーの日本語メッセージを持つ ApiError になる', async () => {
    const { fetchImpl } = network({
      status: 404,
      body: { code: 'NOT_FOUND', message: '対象が見つかりません。' },
    })
    const api = createApiClient(fetchImpl)
    await assert.rejects(api.get('/clients/x'), (error: ApiError) => {
      assert.equal(error.code, 'NOT_FOUND')
      assert.equal(error.message, '対象が見つかりません。')
      return true
    })
  })

  test('サーバーに届かなければ、接続を確かめるよう告げる', async () => {
    const api = createApiClient(network().fetchImpl)
    await assert.rejects(api.get('/clients'), (error: ApiError) => error.code === 'NETWORK')
  })

  test('REAUTH_REQUIRED なら再認証を求め、通れば同じ要求をもう一度送る', async () => {
    const reauth = { status: 403, body: { code: 'REAUTH_REQUIRED', message: '再認証してください。' } }
    const { sent, fetchImpl } = network(reauth, { status: 204 })
    const api = createApiClient(fetchImpl)
    let asked = 0
    api.setHooks({ onUnauthenticated: () => {}, reauthenticate: async () => ++asked > 0 })
    await api.put('/users/u/role', { body: { role: 'office_staff' } })
    assert.equal(asked, 1)
    assert.equal(sent.length, 2)
    assert.equal(sent[1]?.init.body, JSON.stringify({ role: 'office_staff' }))
  })

  test('再認証を取りやめたら、要求は REAUTH_REQUIRED のまま失敗する', async () => {
    const reauth = { status: 403, body: { code: 'REAUTH_REQUIRED', message: '再認証してください。' } }
    const { sent, fetchImpl } = network(reauth)
    const api = createApiClient(fetchImpl)
    api.setHooks({ onUnauthenticated: () => {}, reauthenticate: async () => false })
    await assert.rejects(api.post('/users/u/disable'), (error: ApiError) => error.code === 'REAUTH_REQUIRED')
    assert.equal(sent.length, 1)
  })

  test('セッションが切れたら知らせる (raw の要求は除く)', async () => {
    const expired = {
      status: 401,
      body: { code: 'UNAUTHENTICATED', message: 'もう一度サインインしてください。' },
    }
    const { fetchImpl } = network(expired, expired)
    const api = createApiClient(fetchImpl)
    const ended: string[] = []
    api.setHooks({ onUnauthenticated: (e) => ended.push(e.code), reauthenticate: async () => false })
    await assert.rejects(api.get('/auth/session', { raw: true }))
    assert.deepEqual(ended, [])
    await assert.rejects(api.get('/clients'))
    assert.deepEqual(ended, ['UNAUTHENTICATED'])
  })

  test('NDJSON の応答は届いた順に1行ずつ渡し、チャンクの境目で切れた行はつないでから読む', async () => {
    const chunks = ['{"n":1}\n{"n"', ':2}\n', '{"n":3}']
    const fetchImpl = async () =>
      new Response(
        new ReadableStream({
          start(controller) {
            for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk))
            controller.close()
          },
        }),
        { status: 200, headers: { 'content-type': 'application/x-ndjson' } },
      )
    const api = createApiClient(fetchImpl)
    const lines: unknown[] = []
    await api.postLines('/clients/c/imports/commit', { body: {} }, (line) => lines.push(line))
    assert.deepEqual(lines, [{ n: 1 }, { n: 2 }, { n: 3 }])
  })

  test('NDJSON の要求も、失敗はサーバーの日本語メッセージの ApiError になる', async () => {
    const { fetchImpl } = network({
      status: 400,
      body: { code: 'REQUEST_INVALID', message: '行が不正です。' },
    })
    const api = createApiClient(fetchImpl)
    await assert.rejects(
      api.postLines('/clients/c/imports/commit', { body: {} }, () => {}),
      (error: ApiError) => error.code === 'REQUEST_INVALID',
    )
  })
})

describe('urlOf', () => {
  test('未指定と空の値は送らない', () => {
    assert.equal(
      urlOf('/employees', { q: 'ヤマ ダ', status: 'all', cursor: undefined, employmentType: '' }),
      '/api/employees?q=%E3%83%A4%E3%83%9E+%E3%83%80&status=all',
    )
    assert.equal(urlOf('/clients'), '/api/clients')
  })
})
