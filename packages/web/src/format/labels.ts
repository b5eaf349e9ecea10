import { PREFECTURES } from '@mamori/rules/prefectures/prefecture-codes.ts'
import type { OfficeRole, Role } from '../api/auth.ts'
import type {
  ChangeReason,
  EmploymentStatus,
  EmploymentType,
  LeaveReason,
  PayBasis,
  Relationship,
  Sex,
} from '../api/employees.ts'

/** The Japanese words of the server's codes, one table per code set. */
export const ROLE_LABEL: Readonly<Record<Role, string>> = {
  office_admin: '事務所管理者',
  office_staff: '事務所スタッフ',
  client_hr: '顧問先の人事担当者',
  employee: '従業員',
}

export const OFFICE_ROLES: readonly OfficeRole[] = ['office_admin', 'office_staff', 'client_hr']

export const EMPLOYMENT_TYPE_LABEL: Readonly<Record<EmploymentType, string>> = {
  regular: '正社員',
  contract: '契約社員',
  part_time: 'パート・アルバイト',
  temporary: '臨時',
  executive: '役員',
}

export const EMPLOYMENT_STATUS_LABEL: Readonly<Record<EmploymentStatus, string>> = {
  active: '在籍中',
  left: '退職済み',
  all: 'すべて',
}

export const CHANGE_REASON_LABEL: Readonly<Record<ChangeReason, string>> = {
  hire: '入社',
  name_change: '氏名変更',
  address_change: '住所変更',
  employment_change: '雇用条件の変更',
  pay_change: '給与の変更',
  correction: '訂正',
  other: 'その他',
}

export const LEAVE_REASON_LABEL: Readonly<Record<LeaveReason, string>> = {
  resignation: '自己都合退職',
  dismissal: '解雇',
  retirement: '定年退職',
  contract_end: '契約期間満了',
  death: '死亡',
  transfer: '転籍',
  other: 'その他',
}

export const PAY_BASIS_LABEL: Readonly<Record<PayBasis, string>> = {
  monthly: '月給',
  daily: '日給',
  hourly: '時給',
}

export const RELATIONSHIP_LABEL: Readonly<Record<Relationship, string>> = {
  spouse: '配偶者',
  child: '子',
  parent: '父母',
  grandparent: '祖父母',
  grandchild: '孫',
  sibling: '兄弟姉妹',
  other: 'その他',
}

export const SEX_LABEL: Readonly<Record<Sex, string>> = { male: '男性', female: '女性' }

export function prefectureName(code: number): string {
  return PREFECTURES.find((p) => p.code === code)?.name ?? `都道府県コード ${code}`
}

/** Prefecture and address as one line; addresses that already begin with the prefecture keep it once. */
export function addressLine(
  prefectureCode: number,
  address: string,
  postalCode: string | null = null,
): string {
  const prefecture = prefectureName(prefectureCode)
  const place = address.startsWith(prefecture) ? address : `${prefecture}${address}`
  return postalCode === null ? place : `〒${postalCode} ${place}`
}

export function yen(amount: number): string {
  return `${amount.toLocaleString('ja-JP')}円`
}
