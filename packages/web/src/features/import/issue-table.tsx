import { Table, Td, Th } from 'smarthr-ui'
import type { RowIssue } from '../../api/imports.ts'

const TABLE_LABEL = { employees: '社員', dependents: '被扶養者' } as const

/** Each problem by file, row and column as the user finds them in the spreadsheet; never a cell's value. */
export function IssueTable({ issues }: { issues: readonly RowIssue[] }) {
  return (
    <div style={{ overflowX: 'auto' }}>
      <Table>
        <thead>
          <tr>
            <Th>ファイル</Th>
            <Th>行</Th>
            <Th>列</Th>
            <Th>内容と直し方</Th>
          </tr>
        </thead>
        <tbody>
          {issues.map((issue, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: one row may have several issues of the same code
            <tr key={i}>
              <Td>{TABLE_LABEL[issue.table]}</Td>
              <Td>{issue.row}行目</Td>
              <Td>{issue.column ?? '—'}</Td>
              <Td>{issue.message}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  )
}
