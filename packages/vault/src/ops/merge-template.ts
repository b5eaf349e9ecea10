/**
 * Merge templates: the app assembles a document with `{{MY_NUMBER:<subject uuid>}}` where each
 * subject's number goes, and the vault fills them in. Pure; the template is attacker-controlled.
 */
const PLACEHOLDER = /\{\{MY_NUMBER:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}\}/g
const ANY_PLACEHOLDER_START = /\{\{\s*MY_NUMBER/gi

/**
 * The subjects the template names, or undefined when it holds anything that looks like a
 * placeholder but is not exactly one (a typo would otherwise pass through unfilled).
 */
export function placeholderSubjects(template: string): Set<string> | undefined {
  const subjects = new Set<string>()
  let count = 0
  for (const m of template.matchAll(PLACEHOLDER)) {
    subjects.add(m[1] as string)
    count++
  }
  const starts = template.match(ANY_PLACEHOLDER_START)?.length ?? 0
  return starts === count ? subjects : undefined
}

/** Precondition: every placeholder's subject is in `numbers` (placeholderSubjects checked it). */
export function fillPlaceholders(template: string, numbers: ReadonlyMap<string, string>): string {
  return template.replace(PLACEHOLDER, (_, subjectId: string) => numbers.get(subjectId) as string)
}

/** Whether the template names exactly the listed subjects, no more and no fewer. */
export function sameSubjects(named: ReadonlySet<string>, listed: readonly string[]): boolean {
  const unique = new Set(listed)
  if (unique.size !== listed.length || unique.size !== named.size) return false
  for (const id of unique) if (!named.has(id)) return false
  return true
}
