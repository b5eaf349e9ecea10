/**
 * The rules of showing a My Number on screen: a reason the audit log keeps (as the server checks
 * it: 4 to 500 characters, no 12-digit run), then the digits for 30 seconds at most.
 */
export const REVEAL_SECONDS = 30

export function revealReasonProblem(reason: string): string | null {
  const text = reason.trim()
  if ([...text].length < 4)
    return '表示する理由を4文字以上で入力してください（例: 年金事務所からの照会に回答するため）。'
  if ([...text].length > 500) return '理由は500文字以内で入力してください。'
  if (/[0-9０-９]{12}/.test(text))
    return '理由に12桁の数字は書けません。番号そのものは書かずに理由だけを入力してください。'
  return null
}

/** 12 digits as they are read aloud and checked against a card: 4-4-4. Anything else is refused. */
export function groupedMyNumber(digits: string): string {
  if (!/^[0-9]{12}$/.test(digits)) throw new Error('not a 12-digit number')
  return `${digits.slice(0, 4)} ${digits.slice(4, 8)} ${digits.slice(8)}`
}
