import { z } from 'zod'
import {
  zAddress,
  zBasicPensionNumber,
  zDate,
  zDateOut,
  zKana,
  zName,
  zPostalCode,
  zSex,
  zUuid,
  zYen,
} from '../openapi/field-schemas.ts'

export const ZRelationship = z.enum(
  ['spouse', 'child', 'parent', 'grandparent', 'grandchild', 'sibling', 'other'],
  {
    error:
      '続柄は spouse, child, parent, grandparent, grandchild, sibling, other のいずれかを指定してください。',
  },
)

const dependentFields = {
  relationship: ZRelationship,
  familyName: zName,
  givenName: zName,
  familyNameKana: zKana,
  givenNameKana: zKana,
  birthDate: zDate,
  sex: zSex,
  annualIncomeYen: zYen,
  cohabiting: z.boolean({ error: '同居か別居かを true / false で指定してください。' }),
  postalCode: zPostalCode.nullable(),
  address: zAddress.nullable(),
  basicPensionNumber: zBasicPensionNumber.nullable(),
  dependentFrom: zDate,
  dependentUntil: zDate.nullable(),
}

const sameDayOrLater = (d: { dependentFrom?: string; dependentUntil?: string | null }) =>
  d.dependentUntil == null || d.dependentFrom === undefined || d.dependentUntil >= d.dependentFrom
const untilMessage = {
  error: '被扶養者でなくなった日は、被扶養者になった日以降の日付を入力してください。',
  path: ['dependentUntil'],
  params: { code: 'DEPENDENT_PERIOD_INVALID' },
}

export const ZCreateDependentRequest = z
  .strictObject({
    ...dependentFields,
    postalCode: dependentFields.postalCode.default(null),
    address: dependentFields.address.default(null),
    basicPensionNumber: dependentFields.basicPensionNumber.default(null),
    dependentUntil: dependentFields.dependentUntil.default(null),
  })
  .refine(sameDayOrLater, untilMessage)
  .refine((d) => d.cohabiting || d.address !== null, {
    error: '別居の被扶養者は住所を入力してください。',
    path: ['address'],
    params: { code: 'DEPENDENT_ADDRESS_REQUIRED' },
  })
export type CreateDependentInput = z.output<typeof ZCreateDependentRequest>

export const ZUpdateDependentRequest = z
  .strictObject(dependentFields)
  .partial()
  .refine(sameDayOrLater, untilMessage)
export type UpdateDependentInput = z.output<typeof ZUpdateDependentRequest>

export const ZDependentParams = z.object({ clientId: zUuid, employeeId: zUuid, dependentId: zUuid })

export const ZDependent = z.object({
  id: z.string(),
  employeeId: z.string(),
  relationship: ZRelationship,
  familyName: z.string(),
  givenName: z.string(),
  familyNameKana: z.string(),
  givenNameKana: z.string(),
  birthDate: zDateOut,
  sex: zSex,
  annualIncomeYen: z.number(),
  cohabiting: z.boolean(),
  postalCode: z.string().nullable(),
  address: z.string().nullable(),
  basicPensionNumber: z.string().nullable(),
  dependentFrom: zDateOut,
  dependentUntil: zDateOut.nullable(),
  myNumber: z.object({
    status: z.enum(['not_registered', 'registered', 'refused', 'deleted']),
    identityVerified: z.boolean(),
  }),
})
export type DependentView = z.output<typeof ZDependent>

export const ZDependentList = z.object({ items: z.array(ZDependent) })
