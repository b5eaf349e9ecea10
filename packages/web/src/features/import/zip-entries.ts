import { ImportFileError } from './import-file-error.ts'

/**
 * The few files an .xlsx reader needs out of its ZIP archive (PKWARE APPNOTE §4.3): the end of
 * central directory record names the directory, each directory entry names a file, its method
 * (0 stored, 8 deflate) and where its local header is. Deflated data is inflated by the platform's
 * DecompressionStream('deflate-raw'), the browser's and Node's alike, so the page needs no library.
 * ZIP64 and encrypted archives are refused; so is any file that inflates past MAX_INFLATED_BYTES
 * (a ZIP bomb stops there, not in memory).
 */
export const MAX_INFLATED_BYTES = 256 * 1024 * 1024

type Entry = { method: number; compressedSize: number; localOffset: number }

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50

export function unreadableZip(): ImportFileError {
  return new ImportFileError(
    'XLSX_UNREADABLE',
    'Excel ファイル（.xlsx）として読み取れませんでした。Excel で開いて保存し直すか、CSV で保存して選んでください。',
  )
}

export function zipDirectory(bytes: Uint8Array): Map<string, Entry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  // The record is 22 bytes plus a comment of up to 65,535: look for it from the end.
  let eocd = -1
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === EOCD) {
      eocd = at
      break
    }
  }
  if (eocd === -1) throw unreadableZip()
  const count = view.getUint16(eocd + 10, true)
  let at = view.getUint32(eocd + 16, true)
  const entries = new Map<string, Entry>()
  const names = new TextDecoder('utf-8')
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) throw unreadableZip()
    const flags = view.getUint16(at + 8, true)
    const nameLength = view.getUint16(at + 28, true)
    const extraLength = view.getUint16(at + 30, true)
    const commentLength = view.getUint16(at + 32, true)
    const compressedSize = view.getUint32(at + 20, true)
    const localOffset = view.getUint32(at + 42, true)
    if ((flags & 1) === 1 || compressedSize === 0xffffffff || localOffset === 0xffffffff)
      throw unreadableZip()
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength))
    entries.set(name, { method: view.getUint16(at + 10, true), compressedSize, localOffset })
    at += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/** One file of the archive as text (UTF-8, as OOXML parts are), or null when it is not there. */
export async function zipText(
  bytes: Uint8Array,
  entries: Map<string, Entry>,
  name: string,
): Promise<string | null> {
  const entry = entries.get(name)
  if (entry === undefined) return null
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const at = entry.localOffset
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw unreadableZip()
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true)
  const data = bytes.subarray(start, start + entry.compressedSize)
  if (data.length !== entry.compressedSize) throw unreadableZip()
  if (entry.method === 0) return new TextDecoder('utf-8').decode(data)
  if (entry.method !== 8) throw unreadableZip()
  return new TextDecoder('utf-8').decode(await inflateRaw(data))
}

async function inflateRaw(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'))
  const reader = stream.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      total += value.length
      if (total > MAX_INFLATED_BYTES) {
        await reader.cancel()
        throw new ImportFileError('FILE_TOO_LARGE', 'ファイルが大きすぎます。ファイルを分けてください。')
      }
      chunks.push(value)
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error
    throw unreadableZip()
  }
  const out = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.length
  }
  return out
}
