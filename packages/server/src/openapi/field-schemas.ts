import { parseIsoDate } from '@mamori/rules/calendar/iso-date.ts'
import { assertValidCorporateNumber } from '@mamori/rules/corporate-number/check-digit.ts'
import { isRulesError } from '@mamori/rules/errors.ts'
import { parseBasicPensionNumber } from '@mamori/rules/identifiers/basic-pension-number.ts'
import { parseEmploymentInsuranceNumber } from '@mamori/rules/identifiers/employment-insurance-number.ts'
import { parseInsuredSerial } from '@mamori/rules/identifiers/insured-serial.ts'
import { parseOfficeNumber } from '@mamori/rules/identifiers/office-number.ts'
import { normalizeDigits } from '@mamori/rules/text/normalize-digits.ts'
import { z } from 'zod'

/**
 * Field schemas shared by every boundary that takes people and establishments (routes, imports).
 * Request schemas normalise what people type (full-width digits, hiragana kana, separators) and
 * check it with packages/rules; the issue carries the rules error's code and Japanese message.
 * Messages never echo the value.
 */

type Issue = { code: string; messageJa: string }

function issue(ctx: z.RefinementCtx, { code, messageJa }: Issue): typeof z.NEVER {
  ctx.addIssue({ code: 'custom', message: messageJa, params: { code } })
  return z.NEVER
}

/** Runs a rules parser; a RulesError becomes an issue on this field. */
function viaRules(parse: (input: string) => string) {
  return (input: string, ctx: z.RefinementCtx): string => {
    try {
      return parse(input)
    } catch (error) {
      if (!isRulesError(error)) throw error
      return issue(ctx, error)
    }
  }
}

// A 12-digit run in free text is most likely a My Number typed into the wrong box. It must not
// be stored here (it lives only in the vault), so such text is refused, never kept.
const TWELVE_DIGITS = /[0-9]{12}/

function freeText(min: number, max: number) {
  return z
    .string()
    .transform((s) => s.normalize('NFKC').trim())
    .pipe(
      z
        .string()
        .min(min, { error: min <= 1 ? '入力してください。' : `${min}文字以上で入力してください。` })
        .max(max, { error: `${max}文字以内で入力してください。` })
        .refine((s) => !TWELVE_DIGITS.test(s), {
          error: '12桁の数字は入力できません。個人番号はこの欄ではなく個人番号の登録画面で入力してください。',
          params: { code: 'MY_NUMBER_IN_TEXT' },
        }),
    )
}

export const zName = freeText(1, 50)
export const zLongName = freeText(1, 200)
export const zAddress = freeText(1, 300)

const KATAKANA = /^[\u30a1-\u30fa\u30fc\u3000 ]+$/

/** Full-width katakana; hiragana and half-width kana are accepted and converted. */
export const zKana = z
  .string()
  .transform((s) =>
    s
      .normalize('NFKC')
      .trim()
      .replace(/[\u3041-\u3096]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0x60)),
  )
  .pipe(
    z
      .string()
      .min(1, { error: 'フリガナを入力してください。' })
      .max(50, { error: 'フリガナは50文字以内で入力してください。' })
      .refine((s) => KATAKANA.test(s), {
        error: 'フリガナはカタカナで入力してください。',
        params: { code: 'KANA_FORMAT' },
      }),
  )

/** 'YYYY-MM-DD', a real calendar date. */
export const zDate = z
  .string()
  .transform(
    viaRules((s) => {
      const date = s.normalize('NFKC').trim()
      parseIsoDate(date)
      return date
    }),
  )
  .meta({ format: 'date', example: '2026-04-01' })

export const zDateOut = z.string().meta({ format: 'date', example: '2026-04-01' })

export const zPostalCode = z
  .string()
  .transform((s) => normalizeDigits(s).replace(/^(\d{3})(\d{4})$/, '$1-$2'))
  .pipe(
    z.string().regex(/^\d{3}-\d{4}$/, { error: '郵便番号は7桁の数字で入力してください（例: 100-0001）。' }),
  )

export const zPrefectureCode = z
  .number({ error: '都道府県コード（1〜47）を指定してください。' })
  .int({ error: '都道府県コード（1〜47）を指定してください。' })
  .min(1, { error: '都道府県コードは1〜47で指定してください。' })
  .max(47, { error: '都道府県コードは1〜47で指定してください。' })

export const zYen = z
  .number({ error: '金額を数値で入力してください。' })
  .int({ error: '金額は円単位の整数で入力してください。' })
  .min(0, { error: '金額は0円以上で入力してください。' })
  .max(999_999_999, { error: '金額が大きすぎます。' })

export const zCorporateNumber = z.string().transform(
  viaRules((s) => {
    const digits = normalizeDigits(s).trim()
    assertValidCorporateNumber(digits, 'corporateNumber')
    return digits
  }),
)
export const zBasicPensionNumber = z.string().transform(viaRules((s) => parseBasicPensionNumber(s)))
export const zEmploymentInsuranceNumber = z
  .string()
  .transform(viaRules((s) => parseEmploymentInsuranceNumber(s)))
export const zInsuredSerial = z.string().transform(viaRules((s) => parseInsuredSerial(s)))
export const zPensionOfficeNumber = z.string().transform(viaRules((s) => parseOfficeNumber(s)))

/** 雇用保険適用事業所番号: 4-6-1 digits, separators allowed. */
export const zEmploymentInsuranceOfficeNumber = z
  .string()
  .transform((s) => normalizeDigits(s))
  .pipe(
    z.string().refine((s) => /^\d{11}$/.test(s), {
      error: '雇用保険適用事業所番号は4桁・6桁・1桁の数字（計11桁）で入力してください。',
      params: { code: 'EMPLOYMENT_INSURANCE_OFFICE_NUMBER_FORMAT' },
    }),
  )

/** 労働保険番号: 府県 2 + 所掌 1 + 管轄 2 + 基幹番号 6 + 枝番号 3 digits, separators allowed. */
export const zLabourInsuranceNumber = z
  .string()
  .transform((s) => normalizeDigits(s))
  .pipe(
    z.string().refine((s) => /^\d{14}$/.test(s), {
      error: '労働保険番号は府県・所掌・管轄・基幹番号・枝番号の14桁の数字で入力してください。',
      params: { code: 'LABOUR_INSURANCE_NUMBER_FORMAT' },
    }),
  )

export const zSex = z.enum(['male', 'female'], { error: '性別は male か female で指定してください。' })

export const zUuid = z.uuid({ error: 'ID の形式が正しくありません。' })

/** Percent as printed by the insurer: up to 3 decimals. */
export const zPercent = z.string().regex(/^\d{1,2}(\.\d{1,3})?$/, {
  error: '料率はパーセントで小数第3位までの数値で入力してください（例: 9.5）。',
})
