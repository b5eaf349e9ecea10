/** Confidence marks as defined in shared/domain/README.md. */
export type Confidence = 'CONFIRMED' | 'SECONDARY' | 'UNCONFIRMED'

export type TableSource = {
  /** Document, URL or law article the figures come from. */
  readonly document: string
  /** The mark copied from the domain file (README.md, 確認の程度). */
  readonly confidence: Confidence
  /** What was checked, against what, and what is still open. */
  readonly verification: string
}

/**
 * What every versioned table carries. The period is half-open: in force on `effectiveFrom`
 * (inclusive) and on every day before `effectiveTo` (exclusive); `null` means no end is known.
 * Dates are 'YYYY-MM-DD'; what the date is a date *of* (保険料の対象月, 賃金締切日, 支払日) is said
 * by each kind in table-kinds.ts.
 */
export type TableMeta = {
  readonly id: string
  readonly titleJa: string
  readonly effectiveFrom: string
  readonly effectiveTo: string | null
  readonly source: TableSource
}
