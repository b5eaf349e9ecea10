import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { decideMerge, LEGAL_DOCUMENTS } from './legal-documents.ts'
import { PURPOSES, parsePurpose } from './purposes.ts'

// Source: my-number-rules.md 「Which filings may carry the number」; e-filing-formats.md.
describe('個人番号を記載できる書類（法定の一覧）', () => {
  it('一覧は法令で決まり、実行時に書き換えられない', () => {
    assert.ok(Object.isFrozen(LEGAL_DOCUMENTS))
    for (const entry of LEGAL_DOCUMENTS) assert.ok(Object.isFrozen(entry))
    assert.throws(() => {
      ;(LEGAL_DOCUMENTS as unknown as unknown[]).push({ document: 'JUMINHYO' })
    }, TypeError)
    assert.throws(() => {
      ;(LEGAL_DOCUMENTS[0] as { condition: string }).condition = 'ALWAYS'
    }, TypeError)
  })

  it('一覧の書類はすべて根拠法令と目的を持つ', () => {
    assert.equal(LEGAL_DOCUMENTS.length, 11)
    for (const entry of LEGAL_DOCUMENTS) {
      assert.match(entry.legalBasis, /番号法9条3項/)
      assert.notEqual(parsePurpose(entry.purpose), null)
    }
  })

  it('住民票・給与明細・社員名簿など一覧にない書類は拒否する（取手市の事例）', () => {
    for (const document of [
      'JUMINHYO',
      'PAYSLIP',
      'EMPLOYEE_ROSTER',
      '',
      'nenkin_2200700_acquisition',
      null,
      42,
    ]) {
      assert.deepEqual(decideMerge(document, 'SOCIAL_INSURANCE_FILING', { isEmployee70OrOver: true }), {
        allowed: false,
        reason: 'DOCUMENT_NOT_ON_LEGAL_LIST',
      })
    }
  })

  it('一覧にない文字列はどれも通らない（任意の入力）', () => {
    const listed = new Set<unknown>(LEGAL_DOCUMENTS.map((d) => d.document))
    fc.assert(
      fc.property(fc.string(), (document) => {
        fc.pre(!listed.has(document))
        return !decideMerge(document, 'SOCIAL_INSURANCE_FILING', { isEmployee70OrOver: true }).allowed
      }),
      { seed: 20261123, numRuns: 500 },
    )
  })

  it('算定基礎届・月額変更届・賞与支払届は70歳以上被用者のときだけ個人番号を記載する', () => {
    for (const document of [
      'NENKIN_2225700_REGULAR_DETERMINATION',
      'NENKIN_2221700_MONTHLY_CHANGE',
      'NENKIN_2265700_BONUS_PAYMENT',
    ]) {
      assert.deepEqual(decideMerge(document, 'SOCIAL_INSURANCE_FILING', { isEmployee70OrOver: false }), {
        allowed: false,
        reason: 'SUBJECT_NOT_70_OR_OVER',
      })
      assert.equal(
        decideMerge(document, 'SOCIAL_INSURANCE_FILING', { isEmployee70OrOver: true }).allowed,
        true,
      )
    }
  })

  it('資格取得届は年齢にかかわらず記載できる', () => {
    assert.equal(
      decideMerge('NENKIN_2200700_ACQUISITION', 'SOCIAL_INSURANCE_FILING', { isEmployee70OrOver: false })
        .allowed,
      true,
    )
  })

  it('目的が書類と合わなければ拒否する（源泉徴収票を雇用保険の目的で作らない）', () => {
    assert.deepEqual(
      decideMerge('TAX_WITHHOLDING_SLIP', 'EMPLOYMENT_INSURANCE_FILING', { isEmployee70OrOver: false }),
      {
        allowed: false,
        reason: 'PURPOSE_MISMATCH',
      },
    )
  })
})

describe('利用目的（個人番号関係事務）', () => {
  it('閉じた一覧にない目的は受け付けない', () => {
    assert.equal(parsePurpose('MARKETING'), null)
    assert.equal(parsePurpose('STAFF_ID'), null)
    assert.equal(parsePurpose(undefined), null)
    assert.equal(parsePurpose('SOCIAL_INSURANCE_FILING'), 'SOCIAL_INSURANCE_FILING')
    assert.ok(Object.isFrozen(PURPOSES))
  })
})
