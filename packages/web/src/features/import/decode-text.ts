export type TextEncodingName = 'utf-8' | 'shift_jis'

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const

/**
 * A CSV file's text as Japanese offices save it: UTF-8 (with or without Excel's BOM) or Shift_JIS
 * as Windows writes it (the WHATWG shift_jis decoder is Windows-31J: ① and 髙 included). The same
 * rule as the server's importer: a BOM decides; bytes that are valid UTF-8 are UTF-8; anything else
 * is Shift_JIS. Japanese in Shift_JIS almost never happens to be valid UTF-8.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (UTF8_BOM.every((b, i) => bytes[i] === b)) {
    return {
      text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3)),
      encoding: 'utf-8',
    }
  }
  try {
    return {
      text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes),
      encoding: 'utf-8',
    }
  } catch {
    return { text: new TextDecoder('shift_jis').decode(bytes), encoding: 'shift_jis' }
  }
}

export const ENCODING_LABEL: Readonly<Record<TextEncodingName, string>> = {
  'utf-8': 'UTF-8',
  shift_jis: 'Shift_JIS',
}
