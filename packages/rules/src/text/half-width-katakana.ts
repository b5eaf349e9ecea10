/**
 * Katakana and hiragana become half-width katakana (JIS X 0201), the form the 日本年金機構 CSV
 * requires for 事業所記号 and カナ names (e-filing-formats.md). A voiced kana becomes two
 * characters (ガ → ｶﾞ). Characters without a half-width form (ヰ, ヱ, ヮ, ヵ, ヶ, kanji, …) are
 * left as they are, for the caller's validation to reject.
 */
export function toHalfWidthKatakana(input: string): string {
  let out = ''
  for (const ch of input) {
    out += HALF_WIDTH.get(toKatakana(ch)) ?? ch
  }
  return out
}

const HIRAGANA_FIRST = 0x3041
const HIRAGANA_LAST = 0x3096
const HIRAGANA_TO_KATAKANA = 0x60

function toKatakana(ch: string): string {
  const code = ch.charCodeAt(0)
  return code >= HIRAGANA_FIRST && code <= HIRAGANA_LAST
    ? String.fromCharCode(code + HIRAGANA_TO_KATAKANA)
    : ch
}

// Full-width counterparts of U+FF61–U+FF9F, in the order of that block.
const FULL_WIDTH_ORDER =
  '。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン゛゜'
const VOICED = 'ガギグゲゴザジズゼゾダヂヅデドバビブベボ'
const SEMI_VOICED = 'パピプペポ'

const HALF_WIDTH: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>()
  Array.from(FULL_WIDTH_ORDER).forEach((full, i) => {
    map.set(full, String.fromCharCode(0xff61 + i))
  })
  const dakuten = 'ﾞ'
  const handakuten = 'ﾟ'
  for (const full of VOICED) {
    map.set(full, map.get(String.fromCharCode(full.charCodeAt(0) - 1))! + dakuten)
  }
  for (const full of SEMI_VOICED) {
    map.set(full, map.get(String.fromCharCode(full.charCodeAt(0) - 2))! + handakuten)
  }
  map.set('ヴ', `ｳ${dakuten}`)
  // Combining (U+3099, U+309A) and spacing (U+309B, U+309C) sound marks.
  map.set('\u3099', dakuten)
  map.set('\u309a', handakuten)
  return map
})()
