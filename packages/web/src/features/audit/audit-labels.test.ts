import assert from 'node:assert/strict'
import { test } from 'node:test'
import { auditFieldsLabel, auditOperationsLabel, auditResultLabel, auditTypeLabel } from './audit-labels.ts'

test('知っている種類は日本語で、知らない種類も操作の日本語とコードで示す', () => {
  assert.equal(auditTypeLabel('MY_NUMBER_REVEALED', 'read'), '個人番号を画面に表示')
  assert.equal(auditTypeLabel('SOMETHING_NEW', 'export'), '出力（SOMETHING_NEW）')
  assert.equal(auditTypeLabel('SOMETHING_NEW', 'unknown'), 'その他の操作（SOMETHING_NEW）')
})

test('結果と項目名', () => {
  assert.deepEqual(auditResultLabel('denied'), { text: '拒否', type: 'red' })
  assert.equal(auditResultLabel('odd').text, '不明')
  assert.equal(auditFieldsLabel(['name', 'myNumber', 'zipCode']), '氏名、個人番号、zipCode')
  assert.equal(auditFieldsLabel(['basePayYen', 'employeeNumber']), '基本給、社員番号')
})

test('操作の一覧は日本語で、知らない操作はそのまま', () => {
  assert.equal(auditOperationsLabel(['read', 'export', 'print']), '閲覧、出力、印刷')
  assert.equal(auditOperationsLabel(['read', 'archive']), '閲覧、archive')
})
