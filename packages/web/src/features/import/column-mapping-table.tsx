import { Select, Table, Td, Th } from 'smarthr-ui'
import type { ColumnChoice, TableKind } from './column-mapping.ts'
import { fieldLabelsOf, IGNORE } from './column-mapping.ts'

/** Per column of the file, the field it goes to; the header is what the user wrote, never a cell. */
export function ColumnMappingTable({
  kind,
  caption,
  headers,
  choices,
  onChange,
}: {
  kind: TableKind
  caption: string
  headers: readonly string[]
  choices: readonly ColumnChoice[]
  onChange(choices: ColumnChoice[]): void
}) {
  const labels = fieldLabelsOf(kind)
  const options = [
    { value: IGNORE, label: '取り込まない' },
    ...Object.entries(labels).map(([value, label]) => ({ value, label })),
  ]
  return (
    <div style={{ overflowX: 'auto' }}>
      <Table>
        <caption style={{ textAlign: 'left', fontWeight: 'bold' }}>{caption}</caption>
        <thead>
          <tr>
            <Th>列</Th>
            <Th>ファイルの見出し</Th>
            <Th>取り込む項目</Th>
          </tr>
        </thead>
        <tbody>
          {headers.map((header, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional; two may share a header
            <tr key={i}>
              <Td>{i + 1}</Td>
              <Td>{header === '' ? '（見出しなし）' : header}</Td>
              <Td>
                <Select
                  name={`${kind}-column-${i}`}
                  aria-label={`「${header}」の列の項目`}
                  size="s"
                  options={options}
                  value={choices[i] ?? IGNORE}
                  onChangeValue={(value) =>
                    onChange(choices.map((c, j) => (j === i ? (value as ColumnChoice) : c)))
                  }
                />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  )
}
