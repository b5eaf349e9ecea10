import { Select, Stack, Text } from 'smarthr-ui'
import type { ColumnChoice, TableKind } from './column-mapping.ts'
import { fieldLabelsOf, IGNORE } from './column-mapping.ts'

const COLUMN_STYLE = { display: 'grid', gridTemplateColumns: '7rem 1fr', alignItems: 'center', gap: '0.5rem' }

/**
 * Per column of the file, the field it goes to, as a compact grid (a staff list has a dozen or
 * more columns). The header is what the user wrote; a cell's value is never shown.
 */
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
    <Stack gap={0.5}>
      <Text as="p" weight="bold">
        {caption}
      </Text>
      <ol
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fill, minmax(17rem, 1fr))',
          gap: '0.5rem 1.5rem',
          listStyle: 'none',
          margin: 0,
          padding: 0,
        }}
      >
        {headers.map((header, i) => {
          const name = header === '' ? `${i + 1}列目（見出しなし）` : header
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional; two may share a header
            <li key={i} style={COLUMN_STYLE}>
              <Text size="S">{name}</Text>
              <Select
                name={`${kind}-column-${i}`}
                aria-label={`「${name}」の列の項目`}
                size="s"
                width="100%"
                options={options}
                value={choices[i] ?? IGNORE}
                onChangeValue={(value) =>
                  onChange(choices.map((c, j) => (j === i ? (value as ColumnChoice) : c)))
                }
              />
            </li>
          )
        })}
      </ol>
    </Stack>
  )
}
