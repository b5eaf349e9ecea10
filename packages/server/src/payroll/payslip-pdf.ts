import { PageSizes, PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib'
import { ServerError } from '../errors.ts'
import {
  attendanceRows,
  type PayslipDocument,
  payslipTitleJa,
  premiumMonthNoteJa,
  warekiDateJa,
  yenText,
} from './payslip-document.ts'
import type { PayslipFont } from './payslip-font.ts'

const [PAGE_WIDTH, PAGE_HEIGHT] = PageSizes.A4
const MARGIN = 40
const ROW_HEIGHT = 17
const TEXT_SIZE = 10
const BLACK = rgb(0, 0, 0)
const GREY = rgb(0.45, 0.45, 0.45)
const RULE = rgb(0.6, 0.6, 0.6)
const COLUMN_GAP = 20
const COLUMN_WIDTH = (PAGE_WIDTH - 2 * MARGIN - COLUMN_GAP) / 2
/** Lines below this height would run into the totals and notes. */
const LOWEST_LINE_Y = 170

type Writer = { page: PDFPage; font: PDFFont }

function text(w: Writer, value: string, x: number, y: number, size = TEXT_SIZE, color = BLACK): void {
  // The font is set once on the page: passing it here would add a resource entry per call.
  w.page.drawText(value, { x, y, size, color })
}

function rightText(w: Writer, value: string, right: number, y: number, size = TEXT_SIZE): void {
  text(w, value, right - w.font.widthOfTextAtSize(value, size), y, size)
}

function rule(w: Writer, x: number, y: number, width: number): void {
  w.page.drawLine({ start: { x, y }, end: { x: x + width, y }, thickness: 0.5, color: RULE })
}

function column(
  w: Writer,
  x: number,
  top: number,
  heading: string,
  lines: readonly [string, number][],
): void {
  text(w, heading, x, top, 11)
  rule(w, x, top - 5, COLUMN_WIDTH)
  let y = top - 5 - ROW_HEIGHT
  for (const [label, amount] of lines) {
    text(w, label, x + 4, y)
    rightText(w, yenText(amount), x + COLUMN_WIDTH - 4, y)
    rule(w, x, y - 5, COLUMN_WIDTH)
    y -= ROW_HEIGHT
  }
}

/**
 * A one-page A4 給与明細 / 賞与明細 with the Japanese font embedded as a subset. Deterministic apart
 * from the subset's name tag; no creation date is written, so the PDF reveals only what it shows.
 * Refuses (REQUEST_INVALID) a payslip with more lines than one page holds rather than cut any.
 */
export async function renderPayslipPdf(document: PayslipDocument, font: PayslipFont): Promise<Uint8Array> {
  const payroll = document.payroll
  const earnings = payroll.earnings.map((l): [string, number] => [l.labelJa, l.amount])
  const deductions = payroll.deductions.map((l): [string, number] => [l.labelJa, l.amount])
  const attendance = document.attendance ? attendanceRows(document.attendance) : []
  const columnsTop = attendance.length > 0 ? PAGE_HEIGHT - 250 : PAGE_HEIGHT - 190
  const rows = Math.max(earnings.length, deductions.length)
  if (columnsTop - 5 - rows * ROW_HEIGHT < LOWEST_LINE_Y) {
    throw new ServerError({
      code: 'REQUEST_INVALID',
      message: 'Too many payslip lines for one page',
      messageJa: '明細の項目が多すぎて1ページに収まりません。項目をまとめてください。',
      field: 'payroll',
    })
  }

  const pdf = await PDFDocument.create({ updateMetadata: false })
  pdf.registerFontkit({ create: () => font.face })
  const embedded = await pdf.embedFont(new Uint8Array(0), { subset: true })
  const title = payslipTitleJa(document)
  pdf.setTitle(`${title} ${document.periodLabelJa}`)
  pdf.setCreator('Mamori')
  pdf.setProducer('Mamori')
  const page = pdf.addPage(PageSizes.A4)
  page.setFont(embedded)
  const w: Writer = { page, font: embedded }

  const titleSize = 18
  text(w, title, (PAGE_WIDTH - embedded.widthOfTextAtSize(title, titleSize)) / 2, PAGE_HEIGHT - 60, titleSize)
  let y = PAGE_HEIGHT - 95
  text(w, `${document.periodLabelJa}`, MARGIN, y, 11)
  rightText(w, `支給日 ${warekiDateJa(payroll.paymentDate)}`, PAGE_WIDTH - MARGIN, y, 11)
  y -= 22
  text(w, document.employerName, MARGIN, y, 11)
  y -= 22
  text(w, `社員番号 ${document.employeeCode}`, MARGIN, y)
  text(w, `${document.employeeName} 様`, MARGIN + 150, y, 13)
  rule(w, MARGIN, y - 8, PAGE_WIDTH - 2 * MARGIN)

  if (attendance.length > 0) {
    y -= 30
    text(w, '勤怠', MARGIN, y, 11)
    const cellWidth = (PAGE_WIDTH - 2 * MARGIN) / attendance.length
    attendance.forEach(([label, value], i) => {
      const x = MARGIN + i * cellWidth
      text(w, label, x + 2, y - 18, 8, GREY)
      text(w, value, x + 2, y - 32, 10)
    })
  }

  column(w, MARGIN, columnsTop, '支給', earnings)
  column(w, MARGIN + COLUMN_WIDTH + COLUMN_GAP, columnsTop, '控除', deductions)

  const totals = payroll.totals
  let totalsY = LOWEST_LINE_Y - 20
  const totalsRows: [string, number][] = [
    ['総支給額', totals.grossPay],
    ['控除合計', totals.totalDeductions],
    ['差引支給額', totals.netPay],
  ]
  for (const [label, amount] of totalsRows) {
    const size = label === '差引支給額' ? 13 : 11
    text(w, label, PAGE_WIDTH - MARGIN - 230, totalsY, size)
    rightText(w, `${yenText(amount)}円`, PAGE_WIDTH - MARGIN, totalsY, size)
    rule(w, PAGE_WIDTH - MARGIN - 230, totalsY - 6, 230)
    totalsY -= 22
  }
  const notes = [
    premiumMonthNoteJa(document),
    `課税支給額 ${yenText(totals.taxablePay)}円 / 非課税支給額 ${yenText(totals.nonTaxablePay)}円`,
  ].filter((n): n is string => n !== null)
  notes.forEach((note, i) => {
    text(w, note, MARGIN, LOWEST_LINE_Y - 20 - i * 16, 9, GREY)
  })
  return pdf.save({ useObjectStreams: false })
}
