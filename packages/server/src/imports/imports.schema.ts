import { z } from 'zod'
import { zUuid } from '../openapi/field-schemas.ts'
import { DEPENDENT_FIELDS, EMPLOYEE_FIELDS } from './column-mapping.ts'
import { MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS } from './read-table.ts'

/**
 * Wire schemas of imports. The file is read on the user's device (the web page, `mamori import`)
 * and sent as a table: headers, and per row its number and cells aligned with the headers. The
 * server maps and validates it itself (validate-import.ts). The 個人番号 column is never sent.
 */
const ZCell = z.union([z.string().max(1000), z.number(), z.boolean(), z.null()])

function table<F extends readonly [string, ...string[]]>(fields: F) {
  return z.strictObject({
    headerRow: z.number().int().min(1).describe('見出しの行番号'),
    headers: z.array(z.string().max(200)).min(1).max(MAX_IMPORT_COLUMNS),
    rows: z
      .array(z.strictObject({ row: z.number().int().min(1), cells: z.array(ZCell).max(MAX_IMPORT_COLUMNS) }))
      .max(MAX_IMPORT_ROWS, {
        error: `1回の取り込みは${MAX_IMPORT_ROWS.toLocaleString('ja-JP')}行までです。`,
      }),
    mapping: z
      .record(
        z.string().max(200),
        z.enum([...fields, 'ignore'], { error: '列の対応先の項目名が正しくありません。' }),
      )
      .optional()
      .describe('見出し → 項目。書かれていない見出しは標準の日本語見出しで対応づけます。'),
  })
}

export const ZImportRowsRequest = z.strictObject({
  employees: table(EMPLOYEE_FIELDS),
  dependents: table(DEPENDENT_FIELDS).optional(),
})

export const ZCommitImportRequest = ZImportRowsRequest.extend({
  importId: zUuid.describe('取り込みを始める端末が決める ID。同じ取り込みの再送を見分けます。'),
})

export const ZImportParams = z.object({ clientId: zUuid, importId: zUuid })

export const ZPreviewFileQuery = z.object({
  sheet: z.string().max(100).optional().describe('社員のシート名（Excel; 省略時は最初のシート）'),
  dependentsSheet: z.string().max(100).optional().describe('被扶養者のシート名（Excel）'),
})

export const ZRowIssue = z.object({
  table: z.enum(['employees', 'dependents']),
  row: z.number().describe('ファイル上の行番号（見出しの行の問題は見出しの行）'),
  column: z.string().nullable().describe('ファイルの見出し'),
  field: z.string().nullable(),
  code: z.string(),
  message: z.string(),
})

const ZCounts = z.object({ employees: z.number(), dependents: z.number() })

export const ZImportPreview = z.object({
  ok: z.boolean(),
  rows: ZCounts,
  valid: ZCounts,
  issues: z.array(ZRowIssue),
})

/** The commit's response body, one JSON object per line (application/x-ndjson). */
export const ZCommitLine = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('progress'), processed: z.number(), total: z.number() }),
  z.strictObject({
    type: z.literal('committed'),
    importId: z.string(),
    employeesCreated: z.number(),
    dependentsCreated: z.number(),
    subjects: z.array(
      z.strictObject({
        table: z.enum(['employees', 'dependents']),
        row: z.number(),
        subjectId: z.string(),
        employeeId: z.string(),
      }),
    ),
  }),
  z.strictObject({
    type: z.literal('failed'),
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
    requestId: z.string(),
  }),
])
export type CommitLine = z.output<typeof ZCommitLine>

export const ZImportRecord = z.object({
  importId: z.string(),
  clientId: z.string(),
  state: z.literal('committed').describe('登録されなかった取り込み（失敗・中断）には記録が残りません'),
  employeesCreated: z.number(),
  dependentsCreated: z.number(),
  createdBy: z.string(),
  createdAt: z.string(),
})
