import type { TableSource } from '../tables/table-meta.ts'

/**
 * The edge-grade rule of the 随時改定 ("上限・下限にわたる等級変更"): at the top and bottom of a
 * 標準報酬月額 table a real change cannot show 2 grades, so the table is read as if it went on by
 * one more, virtual, grade each side, and a move that is 2 grades on that extended table counts:
 * - a 報酬月額 below `virtualBottomBelow` is in a virtual grade under grade 1;
 * - a 報酬月額 from `virtualTopFrom` up is in a virtual grade over the top grade.
 * Examples (健保): 49等級 → average ≥ 1,415,000円 → 50等級; 2等級 → average < 53,000円 → 1等級;
 * 1等級 on a 報酬月額 under 53,000円 → average in 2等級 → 2等級.
 *
 * Keyed by the grade table's id: each table has its own edges, and a new table without an entry
 * here is refused rather than guessed.
 */
export type RevisionEdgeThresholds = {
  readonly gradeTableId: string
  readonly virtualBottomBelow: number
  readonly virtualTopFrom: number
  readonly source: TableSource
}

const SOURCE_NOTE =
  'filings.md, 月額変更届 "Top and bottom of the table" marks the exact edge cases UNCONFIRMED. The existence of the rule is corroborated by faq.shalf-asp.jp (記事1219, "上限・下限にわたる等級変更の場合は…実報酬からみて2等級差があると随時改定の対象"), and its shape by tokyokinzoku-pf.or.jp (月額変更届, for the older 30-grade 厚年 table: 29級→30級 at 635,000円以上; 1級 on under 95,000円 → 2級 at 101,000円以上; 30級 on 635,000円以上 → 29級 under 605,000円; 2級 → 1級 under 95,000円). The amounts for the current tables are from memory of the 日本年金機構 / 協会けんぽ 月額変更届 guidance and have not been read at a primary source.'

export const REVISION_EDGE_THRESHOLDS: readonly RevisionEdgeThresholds[] = [
  {
    gradeTableId: 'health-standard-remuneration-2016-04',
    virtualBottomBelow: 53_000,
    virtualTopFrom: 1_415_000,
    source: {
      document: 'shared/domain/filings.md, 月額変更届 (Special rules: Top and bottom of the table)',
      confidence: 'UNCONFIRMED',
      verification: SOURCE_NOTE,
    },
  },
  {
    gradeTableId: 'pension-standard-remuneration-2020-09',
    virtualBottomBelow: 83_000,
    virtualTopFrom: 665_000,
    source: {
      document: 'shared/domain/filings.md, 月額変更届 (Special rules: Top and bottom of the table)',
      confidence: 'UNCONFIRMED',
      verification: `${SOURCE_NOTE} 665,000円 equals the 健保 36等級 lower bound and 83,000円 the 健保 4等級 lower bound, the band of 88,000円 in the 健保 table.`,
    },
  },
]
