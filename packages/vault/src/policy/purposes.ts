/**
 * 個人番号関係事務: the only purposes for which an employer or its 社労士 may collect, use, keep or
 * hand over a My Number (番号法9条3項, 19条; PPC ガイドライン（事業者編）第4-1). A closed union: a
 * request naming anything else is refused, and a new purpose is a code change with a test,
 * never a setting. Source: my-number-rules.md, 「Purpose limitation」 (CONFIRMED in substance).
 */
export type Purpose =
  | 'WITHHOLDING_SLIP'
  | 'SALARY_PAYMENT_REPORT'
  | 'RETIREMENT_INCOME_SLIP'
  | 'DEPENDENT_DEDUCTION_DECLARATION'
  | 'INSURANCE_DEDUCTION_DECLARATION'
  | 'SPOUSE_DEDUCTION_DECLARATION'
  | 'RETIREMENT_INCOME_DECLARATION'
  | 'PAYMENT_RECORD'
  | 'SOCIAL_INSURANCE_FILING'
  | 'EMPLOYMENT_INSURANCE_FILING'

export type PurposeInfo = {
  readonly purpose: Purpose
  readonly nameJa: string
  readonly area: 'tax' | 'tax-third-party' | 'social-insurance' | 'employment-insurance'
}

export const PURPOSES: readonly PurposeInfo[] = Object.freeze(
  [
    { purpose: 'WITHHOLDING_SLIP', nameJa: '給与所得の源泉徴収票の作成', area: 'tax' },
    { purpose: 'SALARY_PAYMENT_REPORT', nameJa: '給与支払報告書の作成（市区町村への提出）', area: 'tax' },
    { purpose: 'RETIREMENT_INCOME_SLIP', nameJa: '退職所得の源泉徴収票・特別徴収票の作成', area: 'tax' },
    { purpose: 'DEPENDENT_DEDUCTION_DECLARATION', nameJa: '扶養控除等（異動）申告書の受理', area: 'tax' },
    { purpose: 'INSURANCE_DEDUCTION_DECLARATION', nameJa: '保険料控除申告書の受理', area: 'tax' },
    { purpose: 'SPOUSE_DEDUCTION_DECLARATION', nameJa: '配偶者控除等申告書の受理', area: 'tax' },
    { purpose: 'RETIREMENT_INCOME_DECLARATION', nameJa: '退職所得の受給に関する申告書の受理', area: 'tax' },
    {
      purpose: 'PAYMENT_RECORD',
      nameJa: '報酬・料金等の支払調書、不動産の使用料等の支払調書の作成',
      area: 'tax-third-party',
    },
    {
      purpose: 'SOCIAL_INSURANCE_FILING',
      nameJa:
        '健康保険・厚生年金保険の届出（資格取得・喪失、被扶養者異動、70歳以上被用者の算定・月変・賞与）',
      area: 'social-insurance',
    },
    {
      purpose: 'EMPLOYMENT_INSURANCE_FILING',
      nameJa: '雇用保険の届出・給付申請（資格取得・喪失、高年齢雇用継続給付、育児休業給付等）',
      area: 'employment-insurance',
    },
  ].map((p) => Object.freeze(p as PurposeInfo)),
)

/** Narrows untrusted input (a request field) to a Purpose, or null. */
export function parsePurpose(value: unknown): Purpose | null {
  return PURPOSES.find((p) => p.purpose === value)?.purpose ?? null
}
