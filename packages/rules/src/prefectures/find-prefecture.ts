import { RulesError } from '../errors.ts'
import { PREFECTURES, type Prefecture } from './prefecture-codes.ts'

const SUFFIX = /[都道府県]$/

function unknownPrefecture(): RulesError {
  return new RulesError({
    code: 'PREFECTURE_UNKNOWN',
    message: 'Unknown prefecture: give a JIS X 0401 code from 1 to 47 or a prefecture name',
    messageJa:
      '都道府県が分かりません。JIS X 0401 の都道府県コード (1〜47、東京都 = 13) か都道府県名で指定してください。',
    field: 'prefecture',
  })
}

/**
 * Finds a prefecture by JIS X 0401 code (13, '13', '01') or by name with or without the suffix
 * ('東京都', '東京'). '北海' is not accepted: only 都・道・府・県 are dropped, and only '北海道' keeps 道.
 */
export function findPrefecture(codeOrName: number | string): Prefecture {
  const text = String(codeOrName).trim()
  if (/^\d{1,2}$/.test(text)) {
    const found = PREFECTURES.find((p) => p.code === Number(text))
    if (found) return found
    throw unknownPrefecture()
  }
  const found = PREFECTURES.find(
    (p) => p.name === text || (p.name !== '北海道' && p.name.replace(SUFFIX, '') === text),
  )
  if (found) return found
  throw unknownPrefecture()
}
