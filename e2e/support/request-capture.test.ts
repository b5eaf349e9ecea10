import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { CapturedRequest } from './request-capture.ts'
import { plaintextNumberFindings } from './request-capture.ts'

const request = (overrides: Partial<CapturedRequest>): CapturedRequest => ({
  method: 'POST',
  url: 'http://127.0.0.1:1/api/x',
  headers: {},
  body: null,
  ...overrides,
})

test('12桁の数字と4-4-4の区切りは、URL・ヘッダー・本文のどこにあっても見つける', () => {
  const found = plaintextNumberFindings([
    request({ body: JSON.stringify({ n: '123456789012' }) }),
    request({ url: 'http://127.0.0.1:1/api/x?n=1234%2D5678%2D9012' }),
    request({ headers: { 'x-note': '1234 5678 9012' } }),
    request({ body: '{"n":"１２３４５６７８９０１２"}' }),
  ])
  assert.equal(found.length, 4)
})

test('UUID、日付、11桁や13桁の数字は数えない', () => {
  const found = plaintextNumberFindings([
    request({
      url: 'http://127.0.0.1:1/api/clients/0b7c2f55-4c1e-4d8a-9f51-123456789012/employees',
      body: JSON.stringify({ d: '2026-04-01', a: '12345678901', b: '1234567890123' }),
    }),
  ])
  assert.deepEqual(found, [])
})
