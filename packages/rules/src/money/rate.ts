import { RulesError } from '../errors.ts'

/**
 * A statutory rate as an exact fraction. Money never meets floating point: 9.91% is 991/10000,
 * 5.5/1000 is 55/10000, so every product with a whole-yen amount stays an exact integer ratio.
 */
export type Rate = {
  readonly numerator: number
  readonly denominator: number
}

const DECIMAL = /^(\d+)(?:\.(\d+))?$/

/**
 * Parses a decimal as printed in the source ("9.91") into an exact rate over `scale`
 * (100 for %, 1000 for ‰). Tables are written with it so the data reads like the document.
 */
function parseDecimal(text: string, scale: number): Rate {
  const match = DECIMAL.exec(text)
  if (!match) {
    throw new RulesError({
      code: 'ARGUMENT_INVALID',
      message: 'A rate must be a non-negative decimal string',
      messageJa: '料率は 0 以上の 10 進数の文字列で指定してください。',
    })
  }
  const fraction = match[2] ?? ''
  const numerator = Number(`${match[1]}${fraction}`)
  const denominator = scale * 10 ** fraction.length
  return reduce({ numerator, denominator })
}

/** "9.91" → 991/10000. */
export function percent(text: string): Rate {
  return parseDecimal(text, 100)
}

/** "5.5" (per 1,000) → 55/10000. */
export function perMille(text: string): Rate {
  return parseDecimal(text, 1000)
}

function gcd(a: number, b: number): number {
  let x = a
  let y = b
  while (y !== 0) {
    const t = x % y
    x = y
    y = t
  }
  return x
}

function reduce(rate: Rate): Rate {
  const divisor = gcd(rate.numerator, rate.denominator) || 1
  return { numerator: rate.numerator / divisor, denominator: rate.denominator / divisor }
}

/** The sum of rates, exactly (e.g. 健保 + 介護 + 支援金, rounded together). */
export function addRates(rates: readonly Rate[]): Rate {
  let sum: Rate = { numerator: 0, denominator: 1 }
  for (const rate of rates) {
    const denominator = (sum.denominator / gcd(sum.denominator, rate.denominator)) * rate.denominator
    sum = reduce({
      numerator:
        sum.numerator * (denominator / sum.denominator) + rate.numerator * (denominator / rate.denominator),
      denominator,
    })
  }
  return sum
}

/** "9.91%" for explanations; exact because every denominator here divides a power of ten. */
export function formatPercent(rate: Rate): string {
  let numerator = rate.numerator * 100
  const denominator = rate.denominator
  let decimals = 0
  while (numerator % denominator !== 0 && decimals < 6) {
    numerator *= 10
    decimals += 1
  }
  const scaled = Math.round(numerator / denominator)
  const text = String(scaled).padStart(decimals + 1, '0')
  const whole = text.slice(0, text.length - decimals)
  const fraction = text.slice(text.length - decimals)
  return `${whole}${decimals > 0 ? `.${fraction}` : ''}%`
}
