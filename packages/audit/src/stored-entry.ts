/**
 * An integrated entry as the log stores it: the envelope (audit-event.ts) plus `seq`, its position.
 * Storage keeps one column per member and no second copy of the bytes: the leaf data is rebuilt
 * from the columns by `encodeStoredEntry`, so what the queries read is exactly what the leaf hash
 * covers, and an edited column is an entry whose hash no longer matches.
 *
 * `encodeStoredEntry` writes the canonical encoding of entry-encoding.ts directly: members in
 * sorted key order, absent optional members omitted, strings as JSON.stringify writes them. It
 * runs once per entry when a whole log is verified, so it avoids the generic encoder's sorting
 * and recursion; stored-entry.test.ts holds it byte for byte to encodeEntry.
 */
import { hash } from 'node:crypto'
import type { EntryObject } from './entry-encoding.ts'
import { ENTRY_FORMAT_VERSION } from './entry-encoding.ts'

export type StoredEntry = {
  seq: number
  type: string
  at: number
  tenantId: string
  actorId: string
  operation: string
  result: string
  clientId: string | null
  subjectId: string | null
  purpose: string | null
  document: string | null
  requestId: string | null
  fields: readonly string[] | null
}

const HEADER_BYTES = 5

/** The stored form of a validated event (validateAuditEvent) at position `seq`. */
export function storedEntryOf(event: EntryObject, seq: number): StoredEntry {
  const text = (key: string) => (event[key] as string | undefined) ?? null
  return {
    seq,
    type: event.type as string,
    at: event.at as number,
    tenantId: event.tenantId as string,
    actorId: event.actorId as string,
    operation: event.operation as string,
    result: event.result as string,
    clientId: text('clientId'),
    subjectId: text('subjectId'),
    purpose: text('purpose'),
    document: text('document'),
    requestId: text('requestId'),
    fields: (event.fields as readonly string[] | undefined) ?? null,
  }
}

/** The entry object whose canonical encoding is the leaf data (for decodeEntry round trips). */
export function entryObjectOf(entry: StoredEntry): EntryObject {
  const object: Record<string, string | number | readonly string[]> = {
    seq: entry.seq,
    type: entry.type,
    at: entry.at,
    tenantId: entry.tenantId,
    actorId: entry.actorId,
    operation: entry.operation,
    result: entry.result,
  }
  for (const key of ['clientId', 'subjectId', 'purpose', 'document', 'requestId', 'fields'] as const) {
    const value = entry[key]
    if (value !== null) object[key] = value
  }
  return object
}

/** Strings JSON.stringify writes as `"` + text + `"`: printable ASCII without `"` and `\`. */
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/

/**
 * JSON.stringify's result for a string, without its cost for the ids and codes entries hold. A
 * stored array may hold a null or an array where a name belongs: those are written as JSON writes
 * them, never as a string, so they cannot rebuild a valid entry's bytes.
 */
function str(text: string): string {
  return typeof text === 'string' && PLAIN.test(text) ? `"${text}"` : JSON.stringify(text)
}

/** Keys in canonical order: UTF-16 code unit order, as entry-encoding.ts sorts them. */
function canonicalJsonOf(entry: StoredEntry): string {
  let json = `{"actorId":${str(entry.actorId)},"at":${entry.at}`
  if (entry.clientId !== null) json += `,"clientId":${str(entry.clientId)}`
  if (entry.document !== null) json += `,"document":${str(entry.document)}`
  if (entry.fields !== null) json += `,"fields":[${entry.fields.map(str).join(',')}]`
  json += `,"operation":${str(entry.operation)}`
  if (entry.purpose !== null) json += `,"purpose":${str(entry.purpose)}`
  if (entry.requestId !== null) json += `,"requestId":${str(entry.requestId)}`
  json += `,"result":${str(entry.result)},"seq":${entry.seq}`
  if (entry.subjectId !== null) json += `,"subjectId":${str(entry.subjectId)}`
  json += `,"tenantId":${str(entry.tenantId)},"type":${str(entry.type)}}`
  return json
}

export function encodeStoredEntry(entry: StoredEntry): Buffer {
  const json = canonicalJsonOf(entry)
  const out = Buffer.allocUnsafe(HEADER_BYTES + Buffer.byteLength(json, 'utf8'))
  writeEncoding(out, 0, json)
  return out
}

/**
 * RFC 9162 leaf hashes of rebuilt entries, for verifying a whole log: 0x00 ‖ encoding is written
 * into one reused buffer and hashed there, no allocation an entry.
 * Returns the hash as a 'binary' (latin1) string, one character a byte, node:crypto's cheapest output.
 */
export function createLeafHasher(): (entry: StoredEntry) => string {
  let scratch = Buffer.allocUnsafe(4096)
  return (entry) => {
    const json = canonicalJsonOf(entry)
    // UTF-8 takes at most 3 bytes a UTF-16 code unit.
    if (1 + HEADER_BYTES + 3 * json.length > scratch.length)
      scratch = Buffer.allocUnsafe(2 * (6 + 3 * json.length))
    scratch[0] = 0x00
    const length = writeEncoding(scratch, 1, json)
    return hash('sha256', scratch.subarray(0, 1 + length), 'binary')
  }
}

/** Writes header and JSON at `offset`; returns the encoding's length. */
function writeEncoding(out: Buffer, offset: number, json: string): number {
  const length = out.write(json, offset + HEADER_BYTES, 'utf8')
  out[offset] = ENTRY_FORMAT_VERSION
  out.writeUInt32BE(length, offset + 1)
  return HEADER_BYTES + length
}
