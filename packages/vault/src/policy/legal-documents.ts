import type { Purpose } from './purposes.ts'

/**
 * The documents a merge may fill with a My Number: fixed by law and by this code, never by a
 * setting (the 取手市 kiosk printed numbers on 住民票 after a vendor changed a setting). Each entry
 * names its legal basis, the purposes it serves, and whether the number is conditional on the
 * subject being a 70歳以上被用者 (日本年金機構 CSV: the number is omitted for everyone else and
 * must be; my-number-rules.md 「Which filings may carry the number」, e-filing-formats.md).
 */
export type LegalDocument =
  | 'NENKIN_2200700_ACQUISITION'
  | 'NENKIN_2201700_LOSS'
  | 'NENKIN_2202700_DEPENDENT_CHANGE'
  | 'NENKIN_2225700_REGULAR_DETERMINATION'
  | 'NENKIN_2221700_MONTHLY_CHANGE'
  | 'NENKIN_2265700_BONUS_PAYMENT'
  | 'KOYO_ACQUISITION'
  | 'KOYO_LOSS'
  | 'TAX_WITHHOLDING_SLIP'
  | 'TAX_SALARY_PAYMENT_REPORT'
  | 'TAX_RETIREMENT_INCOME_SLIP'

export type NumberCondition = 'ALWAYS' | 'ONLY_70_AND_OVER_EMPLOYEE'

export type LegalDocumentInfo = {
  readonly document: LegalDocument
  readonly nameJa: string
  readonly purpose: Purpose
  readonly condition: NumberCondition
  /** Statute, and for 日本年金機構 CSV the 様式 and item that carries the number. */
  readonly legalBasis: string
}

const ENTRIES: readonly LegalDocumentInfo[] = [
  {
    document: 'NENKIN_2200700_ACQUISITION',
    nameJa: '健康保険・厚生年金保険 被保険者資格取得届（様式 2200700）',
    purpose: 'SOCIAL_INSURANCE_FILING',
    condition: 'ALWAYS',
    legalBasis: '健康保険法施行規則24条・厚生年金保険法施行規則15条; 番号法9条3項; CSV 項目13',
  },
  {
    document: 'NENKIN_2201700_LOSS',
    nameJa: '健康保険・厚生年金保険 被保険者資格喪失届（様式 2201700）',
    purpose: 'SOCIAL_INSURANCE_FILING',
    condition: 'ALWAYS',
    legalBasis: '健康保険法施行規則29条・厚生年金保険法施行規則22条; 番号法9条3項; CSV 項目11',
  },
  {
    document: 'NENKIN_2202700_DEPENDENT_CHANGE',
    nameJa: '健康保険 被扶養者（異動）届・国民年金第3号被保険者関係届（様式 2202700）',
    purpose: 'SOCIAL_INSURANCE_FILING',
    condition: 'ALWAYS',
    legalBasis: '健康保険法施行規則38条; 国民年金法施行規則; 番号法9条3項; CSV 項目14',
  },
  {
    document: 'NENKIN_2225700_REGULAR_DETERMINATION',
    nameJa: '健康保険・厚生年金保険 被保険者報酬月額算定基礎届（様式 2225700、70歳以上被用者のみ）',
    purpose: 'SOCIAL_INSURANCE_FILING',
    condition: 'ONLY_70_AND_OVER_EMPLOYEE',
    legalBasis: '厚生年金保険法施行規則18条; 番号法9条3項; CSV 項目40（項目43=1 のときのみ）',
  },
  {
    document: 'NENKIN_2221700_MONTHLY_CHANGE',
    nameJa: '健康保険・厚生年金保険 被保険者報酬月額変更届（様式 2221700、70歳以上被用者のみ）',
    purpose: 'SOCIAL_INSURANCE_FILING',
    condition: 'ONLY_70_AND_OVER_EMPLOYEE',
    legalBasis: '厚生年金保険法施行規則19条; 番号法9条3項; CSV 項目40（70歳以上被用者のみ）',
  },
  {
    document: 'NENKIN_2265700_BONUS_PAYMENT',
    nameJa: '健康保険・厚生年金保険 被保険者賞与支払届（様式 2265700、70歳以上被用者のみ）',
    purpose: 'SOCIAL_INSURANCE_FILING',
    condition: 'ONLY_70_AND_OVER_EMPLOYEE',
    legalBasis: '厚生年金保険法施行規則19条の5; 番号法9条3項; CSV 項目15（項目18=1 のときのみ）',
  },
  {
    document: 'KOYO_ACQUISITION',
    nameJa: '雇用保険被保険者資格取得届',
    purpose: 'EMPLOYMENT_INSURANCE_FILING',
    condition: 'ALWAYS',
    legalBasis: '雇用保険法施行規則6条; 番号法9条3項',
  },
  {
    document: 'KOYO_LOSS',
    nameJa: '雇用保険被保険者資格喪失届',
    purpose: 'EMPLOYMENT_INSURANCE_FILING',
    condition: 'ALWAYS',
    legalBasis: '雇用保険法施行規則7条; 番号法9条3項',
  },
  {
    document: 'TAX_WITHHOLDING_SLIP',
    nameJa: '給与所得の源泉徴収票（税務署提出用）',
    purpose: 'WITHHOLDING_SLIP',
    condition: 'ALWAYS',
    legalBasis: '所得税法226条1項・同法施行規則93条; 番号法9条3項（本人交付用には記載しない）',
  },
  {
    document: 'TAX_SALARY_PAYMENT_REPORT',
    nameJa: '給与支払報告書（市区町村提出用）',
    purpose: 'SALARY_PAYMENT_REPORT',
    condition: 'ALWAYS',
    legalBasis: '地方税法317条の6; 番号法9条3項',
  },
  {
    document: 'TAX_RETIREMENT_INCOME_SLIP',
    nameJa: '退職所得の源泉徴収票・特別徴収票（税務署・市区町村提出用）',
    purpose: 'RETIREMENT_INCOME_SLIP',
    condition: 'ALWAYS',
    legalBasis: '所得税法226条2項; 地方税法328条の14; 番号法9条3項（本人交付用には記載しない）',
  },
]

export const LEGAL_DOCUMENTS: readonly LegalDocumentInfo[] = Object.freeze(
  ENTRIES.map((e) => Object.freeze(e)),
)

export type MergeSubject = { readonly isEmployee70OrOver: boolean }

export type MergeDecision =
  | { readonly allowed: true; readonly document: LegalDocumentInfo }
  | {
      readonly allowed: false
      readonly reason: 'DOCUMENT_NOT_ON_LEGAL_LIST' | 'PURPOSE_MISMATCH' | 'SUBJECT_NOT_70_OR_OVER'
    }

/**
 * Whether a number may be merged into `documentType` for this purpose and subject. The document
 * type is attacker-controlled (it comes over the wire): only an exact member of the list passes.
 */
export function decideMerge(documentType: unknown, purpose: Purpose, subject: MergeSubject): MergeDecision {
  const document = LEGAL_DOCUMENTS.find((d) => d.document === documentType)
  if (document === undefined) return { allowed: false, reason: 'DOCUMENT_NOT_ON_LEGAL_LIST' }
  if (document.purpose !== purpose) return { allowed: false, reason: 'PURPOSE_MISMATCH' }
  if (document.condition === 'ONLY_70_AND_OVER_EMPLOYEE' && !subject.isEmployee70OrOver) {
    return { allowed: false, reason: 'SUBJECT_NOT_70_OR_OVER' }
  }
  return { allowed: true, document }
}
