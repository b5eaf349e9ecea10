import { formatIsoDate, isRealDate } from '@mamori/rules/calendar/iso-date.ts'
import { fromWareki } from '@mamori/rules/calendar/wareki.ts'
import { isRulesError } from '@mamori/rules/errors.ts'
import { findPrefecture } from '@mamori/rules/prefectures/find-prefecture.ts'
import type { Cell } from './xlsx-read.ts'

/**
 * Spreadsheet cells → the values the API's schemas take. Pure; each converter either gives the
 * value or says why not with a stable code and a Japanese message that never quotes the cell.
 * What the schema checks itself (lengths, check digits, ranges) is left to the schema: these only
 * undo the ways people write things in Excel (和暦, 1985/4/1, 男, 正社員, 250,000円 …).
 */
export type Converted<T> = { ok: true; value: T } | { ok: false; code: string; message: string }

const ok = <T>(value: T): Converted<T> => ({ ok: true, value })
const fail = (code: string, message: string): Converted<never> => ({ ok: false, code, message })

/** A cell as text (NFKC, trimmed); null when blank. Numbers keep their digits (社員番号 1001). */
export function cellText(cell: Cell): string | null {
  if (cell === null) return null
  const text = String(cell).normalize('NFKC').trim()
  return text === '' ? null : text
}

const DATE_MESSAGE =
  '日付は「1985-04-01」「1985/4/1」「1985年4月1日」「昭和60年4月1日」「S60.4.1」のいずれかの形で入力してください。'
const YMD = /^(\d{4})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?)$/
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/
const WAREKI_START = /^(明治|大正|昭和|平成|令和|[MTSHRmtshr])/
// Excel's day 1 is 1900-01-01 counted from 1899-12-31, with the phantom 1900-02-29 (serial 60):
// from serial 61 on, day n is 1899-12-30 + n. Earlier serials are never birth or hire dates.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30)
const DAY_MS = 86_400_000

/** A calendar date as 'YYYY-MM-DD', from a date cell, a typed date in any common form, or 和暦. */
export function toIsoDate(cell: Cell): Converted<string> {
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell) || cell < 61 || cell > 2_958_465) return fail('DATE_FORMAT', DATE_MESSAGE)
    return ok(new Date(EXCEL_EPOCH_MS + cell * DAY_MS).toISOString().slice(0, 10))
  }
  const text = cellText(cell)
  if (text === null) return fail('DATE_FORMAT', DATE_MESSAGE)
  if (WAREKI_START.test(text)) {
    try {
      return ok(fromWareki(text))
    } catch (error) {
      if (!isRulesError(error)) throw error
      return fail(error.code, error.messageJa)
    }
  }
  const match = YMD.exec(text) ?? COMPACT.exec(text)
  if (match === null) return fail('DATE_FORMAT', DATE_MESSAGE)
  const year = Number(match[1])
  const month = Number(match[2] ?? match[4])
  const day = Number(match[3] ?? match[5])
  if (!isRealDate(year, month, day))
    return fail('DATE_INVALID', '存在しない日付です。年・月・日をご確認ください。')
  return ok(formatIsoDate({ year, month, day }))
}

/** Whole yen: 250000, '250,000', '250,000円', '¥250,000'. */
export function toYen(cell: Cell): Converted<number> {
  if (typeof cell === 'number') return ok(cell)
  const text = cellText(cell)?.replace(/[,円¥\\\s]/g, '')
  if (text === undefined || !/^-?\d+(\.\d+)?$/.test(text)) {
    return fail('AMOUNT_FORMAT', '金額は数字で入力してください（例: 250000、250,000円）。')
  }
  return ok(Number(text))
}

/** Hours per week: 40, '37.5', '40時間'. */
export function toHours(cell: Cell): Converted<number> {
  if (typeof cell === 'number') return ok(cell)
  const text = cellText(cell)
    ?.replace(/(時間|h|hours?)$/i, '')
    .trim()
  if (text === undefined || !/^\d+(\.\d+)?$/.test(text)) {
    return fail('HOURS_FORMAT', '週の所定労働時間は時間数で入力してください（例: 40、37.5）。')
  }
  return ok(Number(text))
}

/** The code of a prefecture given by code or name; else the one the address starts with. */
export function toPrefectureCode(cell: Cell, address: string | null): Converted<number> {
  const text = cellText(cell)
  if (text === null) {
    const fromAddress = address?.match(/^(北海道|東京都|(?:京都|大阪)府|.{2,3}県)/)?.[1]
    if (fromAddress !== undefined) return toPrefectureCode(fromAddress, null)
    return fail('REQUIRED', '都道府県を入力してください（住所が都道府県名から始まっていれば省略できます）。')
  }
  try {
    return ok(findPrefecture(text).code)
  } catch (error) {
    if (!isRulesError(error)) throw error
    return fail(error.code, error.messageJa)
  }
}

function byLabel<T extends string>(
  labels: Readonly<Record<string, T>>,
  values: readonly T[],
  message: string,
) {
  const index = new Map(Object.entries(labels).map(([label, value]) => [label.toLowerCase(), value]))
  for (const value of values) index.set(value, value)
  return (cell: Cell): Converted<T> => {
    const found = index.get(cellText(cell)?.toLowerCase().replace(/\s/g, '') ?? '')
    return found === undefined ? fail('VALUE_UNKNOWN', message) : ok(found)
  }
}

// 1 and 2 as the 日本年金機構 forms code sex.
export const toSex = byLabel(
  {
    男: 'male',
    男性: 'male',
    m: 'male',
    '1': 'male',
    女: 'female',
    女性: 'female',
    f: 'female',
    '2': 'female',
  },
  ['male', 'female'],
  '性別は「男」か「女」で入力してください。',
)

export const toEmploymentType = byLabel(
  {
    正社員: 'regular',
    正規: 'regular',
    正規社員: 'regular',
    契約社員: 'contract',
    契約: 'contract',
    嘱託: 'contract',
    嘱託社員: 'contract',
    パート: 'part_time',
    パートタイマー: 'part_time',
    アルバイト: 'part_time',
    パートアルバイト: 'part_time',
    派遣: 'temporary',
    臨時: 'temporary',
    日雇: 'temporary',
    役員: 'executive',
    取締役: 'executive',
  },
  ['regular', 'contract', 'part_time', 'temporary', 'executive'],
  '雇用形態は「正社員」「契約社員」「パート」「アルバイト」「臨時」「役員」のいずれかで入力してください。',
)

export const toPayBasis = byLabel(
  {
    月給: 'monthly',
    月給制: 'monthly',
    月額: 'monthly',
    日給: 'daily',
    日給制: 'daily',
    時給: 'hourly',
    時給制: 'hourly',
  },
  ['monthly', 'daily', 'hourly'],
  '給与形態は「月給」「日給」「時給」のいずれかで入力してください。',
)

export const toRelationship = byLabel(
  {
    配偶者: 'spouse',
    妻: 'spouse',
    夫: 'spouse',
    子: 'child',
    子供: 'child',
    長男: 'child',
    長女: 'child',
    次男: 'child',
    次女: 'child',
    二男: 'child',
    二女: 'child',
    三男: 'child',
    三女: 'child',
    父: 'parent',
    母: 'parent',
    実父: 'parent',
    実母: 'parent',
    義父: 'parent',
    義母: 'parent',
    祖父: 'grandparent',
    祖母: 'grandparent',
    孫: 'grandchild',
    兄: 'sibling',
    弟: 'sibling',
    姉: 'sibling',
    妹: 'sibling',
    その他: 'other',
  },
  ['spouse', 'child', 'parent', 'grandparent', 'grandchild', 'sibling', 'other'],
  '続柄は「配偶者」「子」「父」「母」「祖父」「祖母」「孫」「兄」「姉」「弟」「妹」「その他」のいずれかで入力してください。',
)

export const toCohabiting = byLabel(
  {
    同居: 'yes',
    はい: 'yes',
    有: 'yes',
    あり: 'yes',
    '○': 'yes',
    〇: 'yes',
    '1': 'yes',
    true: 'yes',
    別居: 'no',
    いいえ: 'no',
    無: 'no',
    なし: 'no',
    '×': 'no',
    '0': 'no',
    false: 'no',
  },
  ['yes', 'no'],
  '同居か別居かを「同居」「別居」で入力してください。',
)

/** 'Family Given' (a space or full-width space between): the two parts, or a refusal. */
export function splitName(cell: Cell, kana: boolean): Converted<[string, string]> {
  const text = cellText(cell)
  const match = text?.match(/^(\S+)\s+(\S.*)$/)
  if (match === null || match === undefined) {
    return fail(
      'NAME_SPLIT',
      kana
        ? 'フリガナは姓と名の間に空白を入れてください（例: ヤマダ タロウ）。'
        : '氏名は姓と名の間に空白を入れてください（例: 山田 太郎）。',
    )
  }
  return ok([match[1]!, match[2]!.trim()])
}
