import { RulesError, type RulesErrorInit } from '../errors.ts'
import { normalizeDigits } from '../text/normalize-digits.ts'

export type DigitFieldRule = {
  /** Matches the canonical form: ASCII digits only. */
  pattern: RegExp
  error: Omit<RulesErrorInit, 'field'>
}

/** Typed input → canonical digits, or the rule's error with `field`. */
export function parseDigitField(input: string, rule: DigitFieldRule, field: string): string {
  return requireCanonical(normalizeDigits(input), rule, field)
}

/** Returns `s` when it is already canonical; otherwise throws the rule's error with `field`. */
export function requireCanonical(s: string, rule: DigitFieldRule, field: string): string {
  if (!rule.pattern.test(s)) {
    throw new RulesError({ ...rule.error, field })
  }
  return s
}
