/**
 * 本人確認 (番号法16条) when a number is received: one document for 番号確認 (that the number is
 * right) and one for 身元確認 (that the person is who they say). The server takes these codes
 * (my-number.schema.ts); only which documents were seen is recorded, never an image of them.
 */
export const NUMBER_CHECK_DOCUMENTS = [
  { value: 'MY_NUMBER_CARD', label: 'マイナンバーカード（個人番号カード）' },
  { value: 'NOTIFICATION_CARD', label: '通知カード（氏名・住所が現在と同じもの）' },
  { value: 'RESIDENCE_CERTIFICATE_WITH_NUMBER', label: '個人番号付きの住民票の写し' },
] as const

export const IDENTITY_CHECK_DOCUMENTS = [
  { value: 'MY_NUMBER_CARD', label: 'マイナンバーカード（顔写真付き）' },
  { value: 'DRIVERS_LICENSE', label: '運転免許証' },
  { value: 'PASSPORT', label: 'パスポート' },
  { value: 'RESIDENCE_CARD', label: '在留カード・特別永住者証明書' },
  { value: 'DISABILITY_HANDBOOK', label: '身体障害者手帳など写真付きの手帳' },
  { value: 'TWO_NON_PHOTO_DOCUMENTS', label: '写真のない書類2点（健康保険の資格確認書と年金手帳など）' },
  { value: 'KNOWN_EMPLOYEE', label: '雇用している本人であることを事業者が確認済み（対面での確認）' },
] as const

export type NumberCheckDocument = (typeof NUMBER_CHECK_DOCUMENTS)[number]['value']
export type IdentityCheckDocument = (typeof IDENTITY_CHECK_DOCUMENTS)[number]['value']
