/**
 * Input-time normalisation of a number typed by a person: full-width digits become ASCII and
 * the spaces and hyphen-like separators people type between groups are removed. Anything else
 * is left as it is, so the validator that follows still rejects it.
 *
 * Stored and transmitted values are canonical ASCII already; validators never call this
 * themselves, so a non-canonical value that reaches them is an error, not silently repaired.
 */
export function normalizeDigits(input: string): string {
  return input.replace(FULL_WIDTH_DIGIT, toAsciiDigit).replace(SEPARATOR, '')
}

const FULL_WIDTH_DIGIT = /[０-９]/g

// A Japanese IME in kana mode turns "-" into 「ー」 (U+30FC) or 「ｰ」 (U+FF70), so both are
// separators here, with the dashes and minus signs that word processors substitute.
const SEPARATOR = /[\s\-－‐‑‒–—―−ーｰ]/g

function toAsciiDigit(ch: string): string {
  return String.fromCharCode(ch.charCodeAt(0) - 0xfee0)
}
