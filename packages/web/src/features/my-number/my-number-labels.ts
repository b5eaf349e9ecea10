import type { MyNumberStatus } from '../../api/employees.ts'

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
