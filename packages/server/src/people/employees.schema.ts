import { z } from 'zod'
import {
  zAddress,
  zBasicPensionNumber,
  zDate,
  zDateOut,
  zEmploymentInsuranceNumber,
  zInsuredSerial,
  zKana,
  zName,
  zPostalCode,
  zPrefectureCode,
  zSex,
  zUuid,
  zYen,
} from '../openapi/field-schemas.ts'
import { ZDependent } from './dependents.schema.ts'

export const ZEmploymentType = z.enum(['regular', 'contract', 'part_time', 'temporary', 'executive'], {
  error: '雇用形態は regular, contract, part_time, temporary, executive のいずれかを指定してください。',
})
export const ZPayBasis = z.enum(['monthly', 'daily', 'hourly'], {
  error: '給与形態は monthly（月給）, daily（日給）, hourly（時給）のいずれかを指定してください。',
})
export const ZChangeReason = z.enum(
  ['name_change', 'address_change', 'employment_change', 'pay_change', 'correction', 'other'],
  { error: '変更理由を指定してください。' },
)
export const ZLeaveReason = z.enum(
  ['resignation', 'dismissal', 'retirement', 'contract_end', 'death', 'transfer', 'other'],
  { error: '退職理由を指定してください。' },
)

const ZAllowance = z.strictObject({ name: zName, amountYen: zYen })

/** What changes over an employment and is read as of a date: one version of the employee. */
const versionFields = {
  familyName: zName,
  givenName: zName,
  familyNameKana: zKana,
  givenNameKana: zKana,
  postalCode: zPostalCode.nullable(),
  prefectureCode: zPrefectureCode,
  address: zAddress,
  employmentType: ZEmploymentType,
  weeklyHours: z
    .number({ error: '週の所定労働時間を数値で入力してください。' })
    .min(0, { error: '週の所定労働時間は0以上で入力してください。' })
    .max(80, { error: '週の所定労働時間は80時間以内で入力してください。' })
    .multipleOf(0.1, { error: '週の所定労働時間は小数第1位までで入力してください。' }),
  payBasis: ZPayBasis,
  basePayYen: zYen,
  allowances: z.array(ZAllowance).max(20, { error: '手当は20件までです。' }),
  commutingAllowanceYen: zYen,
}

/** Facts that hold for the whole employment; corrected, not versioned. */
const fixedFields = {
  employeeNumber: z
    .string()
    .trim()
    .min(1, { error: '社員番号を入力してください。' })
    .max(30, { error: '社員番号は30文字以内で入力してください。' })
    .nullable(),
  birthDate: zDate,
  sex: zSex,
  basicPensionNumber: zBasicPensionNumber.nullable(),
  employmentInsuranceNumber: zEmploymentInsuranceNumber.nullable(),
  insuredSerial: zInsuredSerial.nullable(),
}

export const ZCreateEmployeeRequest = z.strictObject({
  ...fixedFields,
  employeeNumber: fixedFields.employeeNumber.default(null),
  basicPensionNumber: fixedFields.basicPensionNumber.default(null),
  employmentInsuranceNumber: fixedFields.employmentInsuranceNumber.default(null),
  insuredSerial: fixedFields.insuredSerial.default(null),
  hireDate: zDate,
  ...versionFields,
  postalCode: versionFields.postalCode.default(null),
  allowances: versionFields.allowances.default([]),
  commutingAllowanceYen: versionFields.commutingAllowanceYen.default(0),
})
export type CreateEmployeeInput = z.output<typeof ZCreateEmployeeRequest>

/** A new version from `validFrom`: the fields sent change, the others carry over. */
export const ZChangeEmployeeRequest = z.strictObject({
  validFrom: zDate,
  reason: ZChangeReason,
  ...z.object(versionFields).partial().shape,
})
export type ChangeEmployeeInput = z.output<typeof ZChangeEmployeeRequest>

export const ZCorrectEmployeeRequest = z.strictObject(fixedFields).partial()
export type CorrectEmployeeInput = z.output<typeof ZCorrectEmployeeRequest>

export const ZLeaveRequest = z.strictObject({ leaveDate: zDate, reason: ZLeaveReason })
export type LeaveInput = z.output<typeof ZLeaveRequest>

export const ZClientEmployeeParams = z.object({ clientId: zUuid, employeeId: zUuid })

const LIMIT_MESSAGE = '件数は1〜200で指定してください。'

export const ZListEmployeesQuery = z.object({
  q: z
    .string()
    .max(50, { error: '検索語は50文字以内で入力してください。' })
    .optional()
    .describe('氏名またはフリガナの一部（ひらがな可）、または社員番号（完全一致）'),
  clientId: zUuid.optional(),
  employmentType: ZEmploymentType.optional(),
  status: z
    .enum(['active', 'left', 'all'], { error: '在籍状況は active, left, all のいずれかです。' })
    .default('active'),
  limit: z.coerce
    .number({ error: LIMIT_MESSAGE })
    .int({ error: LIMIT_MESSAGE })
    .min(1, { error: LIMIT_MESSAGE })
    .max(200, { error: LIMIT_MESSAGE })
    .default(50),
  cursor: z
    .string()
    .max(400, { error: 'カーソルが正しくありません。' })
    .optional()
    .describe('前のページの nextCursor'),
})
export type ListEmployeesQuery = z.output<typeof ZListEmployeesQuery>

export const ZEmployeeSummary = z.object({
  id: z.string(),
  clientId: z.string(),
  employeeNumber: z.string().nullable(),
  familyName: z.string(),
  givenName: z.string(),
  familyNameKana: z.string(),
  givenNameKana: z.string(),
  birthDate: zDateOut,
  hireDate: zDateOut,
  leaveDate: zDateOut.nullable(),
  employmentType: ZEmploymentType,
})
export type EmployeeSummaryView = z.output<typeof ZEmployeeSummary>

export const ZEmployeeList = z.object({ items: z.array(ZEmployeeSummary), nextCursor: z.string().nullable() })

export const ZEmployeeVersion = z.object({
  validFrom: zDateOut,
  validTo: zDateOut.nullable().describe('この日の前日まで有効（null: 現在も有効）'),
  reason: z.enum(['hire', ...ZChangeReason.options]),
  familyName: z.string(),
  givenName: z.string(),
  familyNameKana: z.string(),
  givenNameKana: z.string(),
  postalCode: z.string().nullable(),
  prefectureCode: z.number(),
  address: z.string(),
  employmentType: ZEmploymentType,
  weeklyHours: z.number(),
  payBasis: ZPayBasis,
  basePayYen: z.number(),
  allowances: z.array(z.object({ name: z.string(), amountYen: z.number() })),
  commutingAllowanceYen: z.number(),
})
export type EmployeeVersionView = z.output<typeof ZEmployeeVersion>

export const ZMyNumberStatus = z.object({
  status: z.enum(['not_registered', 'registered', 'refused', 'deleted']),
  identityVerified: z.boolean(),
})

export const ZEmployee = z.object({
  id: z.string(),
  clientId: z.string(),
  employeeNumber: z.string().nullable(),
  birthDate: zDateOut,
  sex: zSex,
  basicPensionNumber: z.string().nullable(),
  employmentInsuranceNumber: z.string().nullable(),
  insuredSerial: z.string().nullable(),
  hireDate: zDateOut,
  leaveDate: zDateOut.nullable(),
  leaveReason: ZLeaveReason.nullable(),
  current: ZEmployeeVersion.describe('最後に有効になった版'),
  versions: z.array(ZEmployeeVersion).describe('新しい順'),
  dependents: z.array(ZDependent),
  myNumber: ZMyNumberStatus,
})
export type EmployeeView = z.output<typeof ZEmployee>
