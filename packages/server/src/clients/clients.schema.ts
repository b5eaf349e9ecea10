import { isRulesError } from '@mamori/rules/errors.ts'
import { officeSymbolFromParts } from '@mamori/rules/identifiers/office-symbol.ts'
import { z } from 'zod'
import {
  zAddress,
  zCorporateNumber,
  zDate,
  zDateOut,
  zEmploymentInsuranceOfficeNumber,
  zKana,
  zLabourInsuranceNumber,
  zLongName,
  zPensionOfficeNumber,
  zPercent,
  zPostalCode,
  zPrefectureCode,
  zUuid,
} from '../openapi/field-schemas.ts'

/** 事業所整理記号 as its two CSV items; normalised to half-width by packages/rules. */
export const ZOfficeSymbol = z
  .object({ districtCode: z.string(), officeMark: z.string() })
  .transform((symbol, ctx) => {
    try {
      return officeSymbolFromParts(symbol.districtCode, symbol.officeMark)
    } catch (error) {
      if (!isRulesError(error)) throw error
      ctx.addIssue({ code: 'custom', message: error.messageJa, params: { code: error.code } })
      return z.NEVER
    }
  })

export const ZHealthInsurer = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('kyokai_kenpo') }),
    z.object({
      kind: z.literal('kumiai'),
      name: zLongName,
      insurerNumber: z
        .string()
        .regex(/^\d{8}$/, { error: '保険者番号は8桁の数字で入力してください。' })
        .nullable()
        .default(null),
    }),
  ],
  { error: '健康保険は協会けんぽ（kyokai_kenpo）か健康保険組合（kumiai）を指定してください。' },
)

const clientFields = {
  name: zLongName,
  nameKana: zKana.nullable(),
  corporateNumber: zCorporateNumber.nullable(),
  officeSymbol: ZOfficeSymbol.nullable(),
  pensionOfficeNumber: zPensionOfficeNumber.nullable(),
  employmentInsuranceOfficeNumber: zEmploymentInsuranceOfficeNumber.nullable(),
  labourInsuranceNumber: zLabourInsuranceNumber.nullable(),
  postalCode: zPostalCode.nullable(),
  prefectureCode: zPrefectureCode,
  address: zAddress,
  phone: z
    .string()
    .regex(/^[0-9+-]{6,20}$/, { error: '電話番号は数字とハイフンで入力してください。' })
    .nullable(),
  healthInsurer: ZHealthInsurer,
}

export const ZCreateClientRequest = z.strictObject({
  ...clientFields,
  nameKana: clientFields.nameKana.default(null),
  corporateNumber: clientFields.corporateNumber.default(null),
  officeSymbol: clientFields.officeSymbol.default(null),
  pensionOfficeNumber: clientFields.pensionOfficeNumber.default(null),
  employmentInsuranceOfficeNumber: clientFields.employmentInsuranceOfficeNumber.default(null),
  labourInsuranceNumber: clientFields.labourInsuranceNumber.default(null),
  postalCode: clientFields.postalCode.default(null),
  phone: clientFields.phone.default(null),
})
export type CreateClientInput = z.output<typeof ZCreateClientRequest>

/** Only the fields sent change; null clears an optional one. */
export const ZUpdateClientRequest = z.strictObject(clientFields).partial()
export type UpdateClientInput = z.output<typeof ZUpdateClientRequest>

export const ZInsurerRatesRequest = z.strictObject({
  validFrom: zDate,
  healthRatePercent: zPercent,
  healthEmployeeSharePercent: zPercent,
  careRatePercent: zPercent,
  careEmployeeSharePercent: zPercent,
})
export type InsurerRatesInput = z.output<typeof ZInsurerRatesRequest>

export const ZClientParams = z.object({ clientId: zUuid })

export const ZListClientsQuery = z.object({
  includeArchived: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
})

const ZInsurerRates = z.object({
  validFrom: zDateOut,
  healthRatePercent: z.string(),
  healthEmployeeSharePercent: z.string(),
  careRatePercent: z.string(),
  careEmployeeSharePercent: z.string(),
})

export const ZClient = z.object({
  id: z.string(),
  name: z.string(),
  nameKana: z.string().nullable(),
  corporateNumber: z.string().nullable(),
  officeSymbol: z.object({ districtCode: z.string(), officeMark: z.string() }).nullable(),
  pensionOfficeNumber: z.string().nullable(),
  employmentInsuranceOfficeNumber: z.string().nullable(),
  labourInsuranceNumber: z.string().nullable(),
  postalCode: z.string().nullable(),
  prefectureCode: z.number(),
  address: z.string(),
  phone: z.string().nullable(),
  healthInsurer: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('kyokai_kenpo') }),
    z.object({ kind: z.literal('kumiai'), name: z.string(), insurerNumber: z.string().nullable() }),
  ]),
  insurerRates: z.array(ZInsurerRates),
  archived: z.boolean(),
  updatedAt: z.string(),
})
export type ClientView = z.output<typeof ZClient>

export const ZClientList = z.object({ items: z.array(ZClient) })
