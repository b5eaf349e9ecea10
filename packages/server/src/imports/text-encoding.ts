import iconv from 'iconv-lite'

export type TextEncodingName = 'utf-8' | 'cp932'

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
const lenientUtf8 = new TextDecoder('utf-8', { ignoreBOM: true })

/**
 * Decodes a CSV file as Japanese offices save them: UTF-8 (with or without the BOM Excel writes)
 * or Shift_JIS as Windows writes it (CP932 / Windows-31J: NEC and IBM extensions such as ① and
 * 髙 included). A BOM decides; otherwise bytes that are valid UTF-8 are UTF-8 and anything else is
 * CP932. Text in Japanese almost never happens to be valid UTF-8 when written in CP932 (its
 * double-byte pairs rarely form UTF-8 sequences), while ASCII reads the same either way.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (UTF8_BOM.every((b, i) => bytes[i] === b)) {
    // The BOM says UTF-8: a bad byte becomes U+FFFD (and fails validation) rather than a guess.
    return { text: lenientUtf8.decode(bytes.subarray(3)), encoding: 'utf-8' }
  }
  try {
    return { text: strictUtf8.decode(bytes), encoding: 'utf-8' }
  } catch {
    return {
      text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'cp932'),
      encoding: 'cp932',
    }
  }
}
