import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { inflateSync } from 'node:zlib'
import { calculateBonusPayroll } from '@mamori/rules/payroll/bonus-payroll.ts'
import { calculateMonthlyPayroll } from '@mamori/rules/payroll/monthly-payroll.ts'
import { EXAMPLE_MONTHLY_INPUT } from '@mamori/rules/payroll/test-fixtures.ts'
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, type PDFRef } from 'pdf-lib'
import type { PayslipDocument } from './payslip-document.ts'
import { loadPayslipFont } from './payslip-font.ts'
import { renderPayslipPdf } from './payslip-pdf.ts'

/**
 * Reads the text back out of a Mamori payslip: the glyph ids each Tj shows, mapped to Unicode by
 * the embedded font's ToUnicode CMap (what a viewer's copy and search use). Enough for PDFs this
 * module writes (one font, hex strings, bfchar entries); not a general PDF text extractor.
 */
async function extractText(bytes: Uint8Array): Promise<{ text: string; pdf: PDFDocument }> {
  const pdf = await PDFDocument.load(bytes)
  const streams = new Map<string, string>()
  let toUnicodeRef: PDFRef | undefined
  for (const [ref, object] of pdf.context.enumerateIndirectObjects()) {
    if (object instanceof PDFRawStream)
      streams.set(ref.toString(), inflateSync(object.contents).toString('latin1'))
    if (object instanceof PDFDict && object.get(PDFName.of('Subtype'))?.toString() === '/Type0') {
      toUnicodeRef = object.get(PDFName.of('ToUnicode')) as PDFRef
    }
  }
  assert.ok(toUnicodeRef, 'a Type0 font with a ToUnicode map')
  const cmap = streams.get(toUnicodeRef.toString())!
  const glyphs = new Map<string, string>()
  for (const [, gid, unicode] of cmap.matchAll(/<([0-9A-Fa-f]{4})> <([0-9A-Fa-f]+)>/g)) {
    const codePoints = unicode!.match(/.{4}/g)!.map((h) => Number.parseInt(h, 16))
    glyphs.set(gid!.toUpperCase(), String.fromCharCode(...codePoints))
  }
  const contents = pdf.getPage(0).node.get(PDFName.of('Contents'))
  const refs = contents instanceof PDFArray ? contents.asArray() : [contents]
  const content = refs.map((ref) => streams.get(String(ref))!).join('\n')
  const shown = [...content.matchAll(/<([0-9A-Fa-f]*)> Tj/g)].map(([, hex]) =>
    hex!
      .toUpperCase()
      .match(/.{4}/g)!
      .map((gid) => glyphs.get(gid) ?? '\uFFFD')
      .join(''),
  )
  return { text: shown.join('\n'), pdf }
}

const font = await loadPayslipFont()

const monthly: PayslipDocument = {
  employerName: '株式会社みなと商事',
  employeeName: '架空 太郎',
  employeeCode: 'E0001',
  periodLabelJa: '令和8年5月分',
  payroll: calculateMonthlyPayroll(EXAMPLE_MONTHLY_INPUT),
  attendance: EXAMPLE_MONTHLY_INPUT.attendance,
}

describe('給与明細 PDF', async () => {
  const bytes = await renderPayslipPdf(monthly, font)
  const { text, pdf } = await extractText(bytes)

  test('one A4 page (595.28 × 841.89 pt)', () => {
    assert.equal(pdf.getPageCount(), 1)
    const { width, height } = pdf.getPage(0).getSize()
    assert.deepEqual([Math.round(width * 100), Math.round(height * 100)], [59_528, 84_189])
  })

  test('the Japanese font is embedded as a subset (CIDFontType0C), not referenced by name', () => {
    const fontFiles = [...pdf.context.enumerateIndirectObjects()].filter(
      ([, o]) =>
        o instanceof PDFRawStream && o.dict.get(PDFName.of('Subtype'))?.toString() === '/CIDFontType0C',
    )
    assert.equal(fontFiles.length, 1)
    // The whole face is megabytes; a subset of a payslip's few hundred glyphs is far smaller.
    assert.ok(bytes.length < 500_000, `${bytes.length} bytes`)
  })

  test('the text reads back: title, 和暦 payment date, names, every line label and amount, totals', () => {
    for (const expected of [
      '給与明細書',
      '令和8年5月分',
      '支給日 令和8年5月25日',
      '株式会社みなと商事',
      '架空 太郎 様',
      '社員番号 E0001',
      '基本給',
      '300,000',
      '時間外労働手当',
      '50,000',
      '欠勤控除',
      '-15,000',
      '健康保険料(介護・支援金含む)',
      '19,890',
      '所得税',
      '7,670',
      '差引支給額',
      '313,000円',
      '社会保険料は令和8年4月分です。',
      '時間外労働',
      '20時間',
    ]) {
      assert.ok(text.includes(expected), `missing ${expected}`)
    }
    assert.ok(!text.includes('\uFFFD'), 'every glyph maps back to a character')
  })

  test('no 12-digit number (the shape of a 個人番号) appears anywhere in the text', () => {
    assert.doesNotMatch(text.replaceAll(',', ''), /\d{12}/)
  })

  test('a 賞与明細 has its own title and no 勤怠', async () => {
    const bonus = calculateBonusPayroll({
      paymentDate: '2026-07-10',
      establishment: EXAMPLE_MONTHLY_INPUT.establishment,
      employee: {
        person: { birthDate: '1980-07-10' },
        healthInsured: true,
        pensionInsured: true,
        employmentInsured: true,
        withholdingColumn: 'kou',
        dependents: 1,
      },
      bonus: 500_000,
      calculationPeriodOverSixMonths: false,
      healthStandardBonusEarlierInFiscalYear: 0,
      previousMonth: { taxablePay: 386_663, socialInsurance: 52_993 },
      otherDeductions: [],
    })
    const result = await extractText(
      await renderPayslipPdf(
        { ...monthly, periodLabelJa: '令和8年夏季賞与', payroll: bonus, attendance: null },
        font,
      ),
    )
    assert.ok(result.text.includes('賞与明細書'))
    assert.ok(result.text.includes('支給日 令和8年7月10日'))
    assert.ok(!result.text.includes('勤怠'))
  })

  test('more lines than one page holds are refused, not cut', async () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ code: `d${i}`, labelJa: `控除${i}`, amount: 1 }))
    const payroll = calculateMonthlyPayroll({ ...EXAMPLE_MONTHLY_INPUT, otherDeductions: many })
    await assert.rejects(renderPayslipPdf({ ...monthly, payroll }, font), { code: 'REQUEST_INVALID' })
  })
})
