import type { Cell } from '../../api/imports.ts'
import { ImportFileError } from './import-file-error.ts'
import { readXml } from './xml-events.ts'
import { unreadableZip, zipDirectory, zipText } from './zip-entries.ts'

/** One sheet's non-empty rows, numbered as Excel numbers them, cells by column (A = 0). */
export type XlsxSheet = { name: string; rows: Array<{ row: number; cells: Cell[] }> }

/**
 * Every sheet of an .xlsx workbook, in the workbook's order, read in the page (ECMA-376 SpreadsheetML):
 * shared and inline strings (ruby / furigana runs left out), numbers as numbers (dates stay Excel
 * serials, which the server reads as dates), booleans, formulas by their last result, error cells as
 * blanks. Only the cells' values are read; formatting is not.
 */
export async function readXlsx(bytes: Uint8Array): Promise<XlsxSheet[]> {
  try {
    return await readWorkbook(bytes)
  } catch (error) {
    // Offsets of a damaged archive point anywhere: whatever gives way, the file is unreadable.
    throw error instanceof ImportFileError ? error : unreadableZip()
  }
}

async function readWorkbook(bytes: Uint8Array): Promise<XlsxSheet[]> {
  const entries = zipDirectory(bytes)
  const workbook = await zipText(bytes, entries, 'xl/workbook.xml')
  const relations = await zipText(bytes, entries, 'xl/_rels/workbook.xml.rels')
  if (workbook === null || relations === null) throw unreadableZip()
  const targets = new Map<string, string>()
  readXml(relations, {
    open: (name, a) => {
      if (name === 'Relationship' && a.Id !== undefined && a.Target !== undefined) {
        targets.set(a.Id, a.Target.startsWith('/') ? a.Target.slice(1) : `xl/${a.Target}`)
      }
    },
  })
  const sheets: Array<{ name: string; path: string }> = []
  readXml(workbook, {
    open: (name, a) => {
      const path = a.id === undefined ? undefined : targets.get(a.id)
      if (name === 'sheet' && a.name !== undefined && path !== undefined) sheets.push({ name: a.name, path })
    },
  })
  const sharedXml = await zipText(bytes, entries, 'xl/sharedStrings.xml')
  const shared = sharedXml === null ? [] : sharedStrings(sharedXml)
  const result: XlsxSheet[] = []
  for (const sheet of sheets) {
    const xml = await zipText(bytes, entries, sheet.path)
    if (xml === null) throw unreadableZip()
    result.push({ name: sheet.name, rows: sheetRows(xml, shared) })
  }
  return result
}

/** Text runs of each <si>, without the phonetic (<rPh>) runs Japanese Excel adds for furigana. */
export function sharedStrings(xml: string): string[] {
  const strings: string[] = []
  let current: string | null = null
  let inText = false
  let phonetic = 0
  readXml(xml, {
    open: (name) => {
      if (name === 'si') current = ''
      else if (name === 'rPh') phonetic++
      else if (name === 't') inText = true
    },
    close: (name) => {
      if (name === 'si') {
        strings.push(unescapeOoxml(current ?? ''))
        current = null
      } else if (name === 'rPh') phonetic--
      else if (name === 't') inText = false
    },
    text: (text) => {
      if (inText && phonetic === 0 && current !== null) current += text
    },
  })
  return strings
}

export function sheetRows(xml: string, shared: readonly string[]): XlsxSheet['rows'] {
  const rows: XlsxSheet['rows'] = []
  let row: { row: number; cells: Cell[] } | null = null
  let cell: { column: number; type: string; value: string; inline: string } | null = null
  let into: 'v' | 't' | null = null
  let phonetic = 0
  readXml(xml, {
    open: (name, a, selfClosing) => {
      if (name === 'row') {
        row = { row: a.r === undefined ? (rows.at(-1)?.row ?? 0) + 1 : Number(a.r), cells: [] }
      } else if (name === 'c' && row !== null) {
        cell = {
          column: a.r === undefined ? row.cells.length : columnIndex(a.r),
          type: a.t ?? 'n',
          value: '',
          inline: '',
        }
        if (selfClosing) cell = null
      } else if (name === 'v') into = 'v'
      else if (name === 't') into = 't'
      else if (name === 'rPh') phonetic++
    },
    close: (name) => {
      if (name === 'row' && row !== null) {
        if (row.cells.some((c) => c !== null && c !== '')) rows.push(row)
        row = null
      } else if (name === 'c' && row !== null && cell !== null) {
        const value = cellValue(cell, shared)
        while (row.cells.length < cell.column) row.cells.push(null)
        row.cells[cell.column] = value
        cell = null
      } else if (name === 'v' || name === 't') into = null
      else if (name === 'rPh') phonetic--
    },
    text: (text) => {
      if (cell === null || phonetic > 0) return
      if (into === 'v') cell.value += text
      else if (into === 't') cell.inline += text
    },
  })
  return rows
}

function cellValue(cell: { type: string; value: string; inline: string }, shared: readonly string[]): Cell {
  switch (cell.type) {
    case 's':
      return shared[Number(cell.value)] ?? null
    case 'inlineStr':
      return unescapeOoxml(cell.inline)
    case 'str':
      return unescapeOoxml(cell.value)
    case 'b':
      return cell.value === '1'
    case 'e':
      return null
    case 'd':
      return cell.value.slice(0, 10)
    default: {
      if (cell.value.trim() === '') return null
      const number = Number(cell.value)
      return Number.isFinite(number) ? number : null
    }
  }
}

/** 'A' → 0, 'AB12' → 27: the letters of a cell reference. */
export function columnIndex(reference: string): number {
  let index = 0
  for (const ch of reference) {
    const code = ch.charCodeAt(0)
    if (code < 65 || code > 90) break
    index = index * 26 + (code - 64)
  }
  return index - 1
}

/** OOXML writes characters XML cannot hold as _xHHHH_ (ECMA-376 Part 1, §22.9.2.19). */
function unescapeOoxml(text: string): string {
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  )
}
