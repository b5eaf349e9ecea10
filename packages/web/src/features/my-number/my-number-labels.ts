import type { MyNumberStatus } from '../../api/employees.ts'
import { IDENTITY_CHECK_DOCUMENTS, NUMBER_CHECK_DOCUMENTS } from '../self-service/identity-documents.ts'

/**
 * What the office may know about a person's My Number without seeing it: whether it is on file,
 * whether 本人確認 was done, or that the person declined. Never the digits.
 */
export type StatusLabelType = 'grey' | 'blue' | 'green' | 'red' | 'warning' | 'error'

export function myNumberStatusLabel(status: MyNumberStatus): { text: string; type: StatusLabelType } {
  switch (status.status) {
    case 'registered':
      return status.identityVerified
        ? { text: '登録済み・本人確認済み', type: 'green' }
        : { text: '登録済み・本人確認未了', type: 'warning' }
    case 'refused':
      return { text: '提供拒否を記録済み', type: 'grey' }
    case 'deleted':
      return { text: '削除済み', type: 'grey' }
    case 'not_registered':
      return { text: '未登録', type: 'red' }
  }
}

/** What the office does next, in one sentence. */
export function myNumberNextStep(status: MyNumberStatus): string {
  switch (status.status) {
    case 'registered':
      return status.identityVerified
        ? '届出に必要なときだけ、書類の作成時に金庫から差し込まれます。'
        : '番号確認と身元確認（本人確認）を行い、確認済みとして記録してください。'
    case 'refused':
      return '提供を求めた経緯を記録済みです。届出には番号の記載なしで提出できます。'
    case 'deleted':
      return '保存期間の経過などにより削除されました。必要になった場合は、改めて本人に提供を依頼してください。'
    case 'not_registered':
      return '本人に招待を送り、本人の端末から登録してもらってください。'
  }
}

/** What stands in for the digits on every screen. */
export const MASKED_MY_NUMBER = '●●●● ●●●● ●●●●'

const NUMBER_CHECK_LABEL: Readonly<Record<string, string>> = Object.fromEntries(
  NUMBER_CHECK_DOCUMENTS.map((d) => [d.value, d.label]),
)
const IDENTITY_CHECK_LABEL: Readonly<Record<string, string>> = Object.fromEntries(
  IDENTITY_CHECK_DOCUMENTS.map((d) => [d.value, d.label]),
)

/** The document seen for 番号確認 (that the number is right), in Japanese. */
export function numberCheckLabel(code: string): string {
  return NUMBER_CHECK_LABEL[code] ?? `その他の書類（${code}）`
}

/** The document seen for 身元確認 (that the person is who they say), in Japanese. */
export function identityCheckLabel(code: string): string {
  return IDENTITY_CHECK_LABEL[code] ?? `その他の書類（${code}）`
}

/** How the office asked for the number (server ZMyNumberRefusal.method). */
export const REFUSAL_METHODS = [
  { value: 'IN_PERSON', label: '対面で依頼' },
  { value: 'MAIL', label: '郵送で依頼' },
  { value: 'EMAIL', label: 'メールで依頼' },
  { value: 'ONLINE', label: 'オンライン（本人用の画面）で依頼' },
  { value: 'PHONE', label: '電話で依頼' },
] as const

/** What the person answered (server ZMyNumberRefusal.answer). */
export const REFUSAL_ANSWERS = [
  { value: 'REFUSED', label: '提供を拒否された' },
  { value: 'NOT_SUPPLIED', label: '依頼したが提供されなかった' },
  { value: 'WILL_SUPPLY_LATER', label: '後日提供するとの回答' },
] as const

export function refusalAnswerLabel(code: string): string {
  return REFUSAL_ANSWERS.find((a) => a.value === code)?.label ?? `その他（${code}）`
}
