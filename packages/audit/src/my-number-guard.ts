/**
 * The log must never hold a My Number (番号法 §19 limits where one may be kept; the log is kept
 * forever and read by auditors). This guard refuses any text that looks like one: 12 digits,
 * optionally split by single spaces or dashes, in ASCII or full-width (NFKC folds those to ASCII).
 *
 * It refuses more than My Numbers (any 12-digit run), on purpose: an id has no reason to carry
 * 12 digits in a row, and a false refusal is a bug a developer sees at once, while a My Number
 * in the log could never be removed. The one exemption is a canonical UUID, whose fixed 8-4-4-4-12
 * hex shape a host generates and which routinely holds 12 digits (its last group is all digits in
 * about 1 of 280 random UUIDs, and 8 digits, a hyphen and 4 more in many more).
 */

/** Dashes people type between digit groups: ASCII, hyphen, minus, katakana prolonged sound mark. */
const MY_NUMBER_LIKE = /[0-9](?:[\s\-\u2010-\u2015\u2212\u30fc]?[0-9]){11}/u

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export function looksLikeMyNumber(text: string): boolean {
  if (UUID.test(text)) return false
  return MY_NUMBER_LIKE.test(text.normalize('NFKC'))
}
