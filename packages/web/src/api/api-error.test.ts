import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { ApiError, formErrorsOf, toApiError } from './api-error.ts'

describe('toApiError', () => {
  test('サーバーのエラー本文をそのまま使う', () => {
    const error = toApiError(409, {
      code: 'LOGIN_ID_TAKEN',
      message: 'このログインIDは使われています。',
      field: 'loginId',
      requestId: 'r1',
    })
    assert.equal(error.code, 'LOGIN_ID_TAKEN')
    assert.equal(error.status, 409)
    assert.equal(error.message, 'このログインIDは使われています。')
    assert.equal(error.field, 'loginId')
    assert.equal(error.requestId, 'r1')
  })

  test('形の違う本文は、次にすることを告げる日本語のエラーになる', () => {
    for (const body of [null, 'Bad Gateway', { error: 'x' }, { code: 'X', message: 'y', issues: [{}] }]) {
      const error = toApiError(502, body)
      assert.equal(error.code, 'UNEXPECTED_RESPONSE')
      assert.match(error.message, /もう一度お試しください/)
    }
  })
})

describe('formErrorsOf', () => {
  const invalid = new ApiError(400, {
    code: 'REQUEST_INVALID',
    message: '入力内容に誤りがあります。',
    field: 'displayName',
    issues: [
      { field: 'displayName', code: 'TOO_SMALL', message: '表示名を入力してください。' },
      { field: 'clientIds.0', code: 'INVALID_FORMAT', message: 'ID の形式が正しくありません。' },
      { field: 'other', code: 'X', message: 'その他' },
    ],
  })

  test('issues を項目ごとに振り分け、配列の要素は項目そのものに付ける', () => {
    const { byField } = formErrorsOf(invalid, ['displayName', 'clientIds'])
    assert.deepEqual(byField, {
      displayName: ['表示名を入力してください。'],
      clientIds: ['ID の形式が正しくありません。'],
    })
  })

  test('フォームにない項目の問題は、フォーム全体のメッセージとして残る', () => {
    assert.equal(formErrorsOf(invalid, ['displayName', 'clientIds']).general, '入力内容に誤りがあります。')
    const placed = formErrorsOf(invalid, ['displayName', 'clientIds', 'other'])
    assert.equal(placed.general, null)
  })

  test('issues がなければ field の項目にメッセージを付ける', () => {
    const error = new ApiError(401, {
      code: 'TOTP_INVALID',
      message: '確認コードが正しくありません。',
      field: 'code',
    })
    assert.deepEqual(formErrorsOf(error, ['code']), {
      byField: { code: ['確認コードが正しくありません。'] },
      general: null,
    })
    assert.deepEqual(formErrorsOf(error, ['password']), {
      byField: {},
      general: '確認コードが正しくありません。',
    })
  })
})
