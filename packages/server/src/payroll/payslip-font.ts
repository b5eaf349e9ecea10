import { readFile } from 'node:fs/promises'
import fontkit from '@pdf-lib/fontkit'
import type { PDFDocument } from 'pdf-lib'
import { ServerError } from '../errors.ts'

/**
 * The Japanese font of payslips, read from the system (Debian fonts-noto-cjk) rather than shipped:
 * one face picked from the OpenType collection; each PDF embeds only the glyphs it uses.
 */
export const DEFAULT_PAYSLIP_FONT = {
  path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  postscriptName: 'NotoSansCJKjp-Regular',
} as const

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0]

/** A parsed face, ready for pdf-lib. Parse once per process: the collection is ~20 MB. */
export type PayslipFont = {
  readonly postscriptName: string
  readonly face: ReturnType<Fontkit['create']>
}

export async function loadPayslipFont(
  source: { path: string; postscriptName: string } = DEFAULT_PAYSLIP_FONT,
): Promise<PayslipFont> {
  let bytes: Buffer
  try {
    bytes = await readFile(source.path)
  } catch (cause) {
    throw new ServerError({
      code: 'INTERNAL',
      message: `Payslip font not readable at ${source.path}`,
      messageJa: '給与明細の日本語フォントが見つかりません。fonts-noto-cjk をインストールしてください。',
      cause,
    })
  }
  const face = (fontkit as Fontkit).create(bytes, source.postscriptName)
  if (face?.postscriptName !== source.postscriptName) {
    throw new ServerError({
      code: 'INTERNAL',
      message: `Font ${source.postscriptName} not found in ${source.path}`,
      messageJa: '給与明細の日本語フォントが読み込めません。',
    })
  }
  return { postscriptName: source.postscriptName, face }
}
