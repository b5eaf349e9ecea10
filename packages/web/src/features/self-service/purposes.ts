/**
 * 個人番号関係事務 (番号法9条3項): the purposes a number may be used for, with their Japanese names,
 * as packages/vault/src/policy/purposes.ts lists them. The vault's contract exports only the ids
 * (ZPurpose); purposes.test.ts keeps this list equal to them, so a purpose added there fails here
 * until it is named.
 */
export const PURPOSE_NAMES: Readonly<Record<string, string>> = {
  WITHHOLDING_SLIP: '給与所得の源泉徴収票の作成',
  SALARY_PAYMENT_REPORT: '給与支払報告書の作成（市区町村への提出）',
  RETIREMENT_INCOME_SLIP: '退職所得の源泉徴収票・特別徴収票の作成',
  DEPENDENT_DEDUCTION_DECLARATION: '扶養控除等（異動）申告書の受理',
  INSURANCE_DEDUCTION_DECLARATION: '保険料控除申告書の受理',
  SPOUSE_DEDUCTION_DECLARATION: '配偶者控除等申告書の受理',
  RETIREMENT_INCOME_DECLARATION: '退職所得の受給に関する申告書の受理',
  PAYMENT_RECORD: '報酬・料金等の支払調書、不動産の使用料等の支払調書の作成',
  SOCIAL_INSURANCE_FILING:
    '健康保険・厚生年金保険の届出（資格取得・喪失、被扶養者異動、70歳以上被用者の算定・月変・賞与）',
  EMPLOYMENT_INSURANCE_FILING:
    '雇用保険の届出・給付申請（資格取得・喪失、高年齢雇用継続給付、育児休業給付等）',
}

/**
 * The purposes told to an employee when their number is collected: what an employer's 社労士 does
 * for its employees (tax, social and employment insurance), not the 支払調書 for outside payees.
 */
export const EMPLOYEE_PURPOSES = [
  'WITHHOLDING_SLIP',
  'SALARY_PAYMENT_REPORT',
  'RETIREMENT_INCOME_SLIP',
  'DEPENDENT_DEDUCTION_DECLARATION',
  'INSURANCE_DEDUCTION_DECLARATION',
  'SPOUSE_DEDUCTION_DECLARATION',
  'RETIREMENT_INCOME_DECLARATION',
  'SOCIAL_INSURANCE_FILING',
  'EMPLOYMENT_INSURANCE_FILING',
] as const

/** The purpose a number is sealed and registered under: the one the office's status views read. */
export const REGISTRATION_PURPOSE = 'SOCIAL_INSURANCE_FILING'

/** The purpose's name without its parenthesised detail, for a table cell: 健康保険・厚生年金保険の届出. */
export function purposeShortName(purpose: string | null): string {
  if (purpose === null) return '—'
  return (PURPOSE_NAMES[purpose] ?? purpose).replace(/（[^（）]*）$/, '')
}
