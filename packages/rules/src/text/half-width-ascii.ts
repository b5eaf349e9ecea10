/**
 * Full-width ASCII forms (U+FF01–U+FF5E) and the ideographic space become their ASCII
 * counterparts; every other character is left alone. For parsing typed input such as
 * 「Ｒ８．１１．２３」 or 「０１－ｹｲﾄ」.
 */
export function toHalfWidthAscii(input: string): string {
  return input.replace(FULL_WIDTH_ASCII, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  )
}

const FULL_WIDTH_ASCII = /[\uff01-\uff5e\u3000]/g
