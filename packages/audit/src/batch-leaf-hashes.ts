/**
 * Leaf hashes rebuilt straight from a batch's column text (entry-batches.ts), for verifying a
 * whole log: each entry's canonical encoding (entry-encoding.ts, as stored-entry.ts writes it) is
 * written byte by byte into one reused buffer and hashed there. No string, array or object is made
 * per entry, which is what reading a log of millions of entries costs most (garbage collection).
 *
 * The text comes as its UTF-8 bytes, which a worker thread takes over without a copy; it holds
 * each entry's columns in the order of their keys in the canonical JSON:
 *
 *   actor_id US at_ms US client_id US document US fields US operation US purpose US request_id US
 *   result US subject_id US tenant_id US event_type
 *
 * entries split by RS (0x1E), columns by US (0x1F); a null optional column is the marker GS (0x1D)
 * alone; `fields` as PostgreSQL writes a text[] (`{address,birthDate}`).
 *
 * Only the plain form is rebuilt here: every value printable ASCII without `"` and `\` (which
 * JSON writes as it is, and which every valid entry's ids and codes are), `at_ms` as digits, and
 * `fields` a one-dimensional array of unquoted names. Anything else — a value holding a separator,
 * the marker or a quote, a character outside ASCII, an array PostgreSQL had to quote or decorate,
 * a null in it, fewer nulls than the database counted — can only be tampering: the whole batch is
 * refused (undefined), and the caller reads it row by row, where the general encoder says exactly
 * which entry is wrong. A value is copied as the text has it, so two different columns never
 * rebuild the same bytes.
 */
import { hash } from 'node:crypto'
import { ENTRY_FORMAT_VERSION } from './entry-encoding.ts'

const RS = 0x1e
const US = 0x1f
const NULL_MARK = 0x1d
const QUOTE = 0x22
const COMMA = 0x2c
const BACKSLASH = 0x5c
const MINUS = 0x2d
const CLOSE_BRACKET = 0x5d
const OPEN = 0x7b
const CLOSE = 0x7d
/** 0x00 (RFC 9162 leaf prefix), the format version, the JSON's length (4 bytes). */
const PREFIX_BYTES = 6
/** Each entry's JSON keys, punctuation and `seq`; a bound, for sizing the buffer. */
const FIXED_BYTES = 256

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0))
const ACTOR = ascii('{"actorId":')
const AT = ascii(',"at":')
const CLIENT = ascii(',"clientId":')
const DOCUMENT = ascii(',"document":')
const FIELDS = ascii(',"fields":[')
const OPERATION = ascii(',"operation":')
const PURPOSE = ascii(',"purpose":')
const REQUEST = ascii(',"requestId":')
const RESULT = ascii(',"result":')
const SEQ = ascii(',"seq":')
const SUBJECT = ascii(',"subjectId":')
const TENANT = ascii(',"tenantId":')
const TYPE = ascii(',"type":')
const OPTIONAL_COLUMNS = 6

export type BatchText = {
  /** Position of the first entry. */
  from: number
  count: number
  /** UTF-8: a character outside ASCII is bytes 0x80 and above, which no plain value holds. */
  text: Uint8Array<ArrayBuffer>
  /** Non-null optional columns, counted by the database: a value that is the null marker shows here. */
  present: number
}

/**
 * Takes a leaf hash, as a 'binary' (latin1) string, and the entry's index in the batch; false
 * stops the batch.
 */
export type OnLeaf = (leaf: string, i: number) => boolean

/**
 * Returns a function that gives `onLeaf` the RFC 9162 leaf hash of each entry of a batch in turn,
 * each as soon as it is made (so that none outlives its use), and answers whether the whole text
 * was in the plain form and `onLeaf` took every leaf. When it answers false, the leaves given so
 * far are to be forgotten. One buffer, reused.
 */
export function createBatchLeafHasher(): (batch: BatchText, onLeaf: OnLeaf) => boolean {
  const writer = new EncodingWriter()
  return ({ from, count, text, present }, onLeaf) => {
    const w = writer
    w.text = text
    w.p = 0
    w.nulls = 0
    w.startSeq(from)
    for (let i = 0; i < count; i++) {
      const end = i === count - 1 ? text.length : text.indexOf(RS, w.p)
      if (end < 0) return false
      w.reserve(end - w.p)
      w.o = PREFIX_BYTES
      w.put(ACTOR)
      if (!w.quoted(US)) return false
      w.put(AT)
      if (!w.digits()) return false
      if (!w.optional(CLIENT)) return false
      if (!w.optional(DOCUMENT)) return false
      if (!w.fields()) return false
      w.put(OPERATION)
      if (!w.quoted(US)) return false
      if (!w.optional(PURPOSE)) return false
      if (!w.optional(REQUEST)) return false
      w.put(RESULT)
      if (!w.quoted(US)) return false
      w.put(SEQ)
      w.seq()
      if (!w.optional(SUBJECT)) return false
      w.put(TENANT)
      if (!w.quoted(US)) return false
      w.put(TYPE)
      if (!w.quoted(RS) || w.p !== end + 1) return false
      w.out[w.o++] = CLOSE
      if (!onLeaf(w.leafHash(), i)) return false
    }
    if (count > 0 && w.p !== text.length + 1) return false
    return w.nulls === OPTIONAL_COLUMNS * count - present
  }
}

export type StoredLeaves = BatchText & {
  /** The stored leaf hashes, 32 bytes each, as one 'binary' (latin1) string. */
  leafHashes: string
  /** Every stored leaf hash is 32 bytes long, so that entry i's is leafHashes[32i, 32i + 32). */
  leavesSized: boolean
}

/**
 * Writes one entry's leaf data (0x00 ‖ encoding) into `out` from `text` at `p`. Each column
 * method copies the column at p, moves p past its separator, and answers false if the column is
 * not in the plain form.
 */
class EncodingWriter {
  out = new Uint8Array(4096)
  o = 0
  text: Uint8Array = new Uint8Array(0)
  p = 0
  nulls = 0
  /** Decimal digits of the next `seq`, from #seqStart to the end (2^53 has 16). */
  #seqDigits = new Uint8Array(17)
  #seqStart = 17
  /** Views of `out` by length: hash() takes a whole view, and these are made once, not per entry. */
  #views: Uint8Array[] = []

  /** Room for an entry whose columns take `chars` characters; a name of n takes n + 3 bytes. */
  reserve(chars: number): void {
    const bound = PREFIX_BYTES + FIXED_BYTES + 3 * chars
    if (bound <= this.out.length) return
    this.out = new Uint8Array(2 * bound)
    this.#views = []
  }

  put(bytes: Uint8Array): void {
    const { out } = this
    let o = this.o
    for (let i = 0; i < bytes.length; i++) out[o++] = bytes[i]!
    this.o = o
  }

  /** `"value"` for the plain value ending at `sep` (RS: or at the text's end). */
  quoted(sep: number): boolean {
    const { out, text } = this
    let o = this.o
    let p = this.p
    out[o++] = QUOTE
    let c = text[p]!
    while (c >= 0x20 && c <= 0x7e && c !== QUOTE && c !== BACKSLASH) {
      out[o++] = c
      c = text[++p]!
    }
    out[o++] = QUOTE
    this.o = o
    this.p = p + 1
    return c === sep || (sep === RS && p === text.length)
  }

  /** at_ms as PostgreSQL writes a bigint: digits, perhaps after a minus sign, copied as they are. */
  digits(): boolean {
    const { out, text } = this
    let o = this.o
    const start = this.p
    let p = start
    if (text[p] === MINUS) out[o++] = text[p++]!
    let c = text[p]!
    while (c >= 0x30 && c <= 0x39) {
      out[o++] = c
      c = text[++p]!
    }
    this.o = o
    this.p = p + 1
    return c === US && p > start && text[p - 1] !== MINUS
  }

  /** An optional member: absent for the null marker, else `key` and the quoted value. */
  optional(key: Uint8Array): boolean {
    if (this.#isNull()) return true
    this.put(key)
    return this.quoted(US)
  }

  /** `{a,b}` as `,"fields":["a","b"]`: names unquoted by PostgreSQL, not its NULL, one dimension. */
  fields(): boolean {
    if (this.#isNull()) return true
    const { text } = this
    if (text[this.p] !== OPEN) return false
    this.put(FIELDS)
    const { out } = this
    let o = this.o
    let p = this.p + 1
    let c = text[p]!
    if (c === CLOSE) {
      c = text[++p]!
    } else {
      for (;;) {
        const start = p
        out[o++] = QUOTE
        while (
          c >= 0x20 &&
          c <= 0x7e &&
          c !== QUOTE &&
          c !== BACKSLASH &&
          c !== COMMA &&
          c !== OPEN &&
          c !== CLOSE
        ) {
          out[o++] = c
          c = text[++p]!
        }
        out[o++] = QUOTE
        // array_out quotes an empty name and one spelt NULL: unquoted, they are not names.
        if (p === start || (p - start === 4 && isNullWord(text, start))) return false
        c = text[++p]!
        const separator = text[p - 1]
        if (separator === CLOSE) break
        if (separator !== COMMA) return false
        out[o++] = COMMA
      }
    }
    out[o++] = CLOSE_BRACKET
    this.o = o
    this.p = p + 1
    return c === US
  }

  /** `seq` of the batch's first entry: a non-negative safe integer, as decimal digits. */
  startSeq(from: number): void {
    const digits = this.#seqDigits
    this.#seqStart = digits.length
    let m = from
    do {
      digits[--this.#seqStart] = 0x30 + (m % 10)
      m = Math.floor(m / 10)
    } while (m > 0)
  }

  /** Writes the current `seq` and counts on to the next entry's, digit by digit. */
  seq(): void {
    const { out } = this
    const digits = this.#seqDigits
    let o = this.o
    for (let i = this.#seqStart; i < digits.length; i++) out[o++] = digits[i]!
    this.o = o
    let i = digits.length - 1
    while (i >= this.#seqStart && digits[i] === 0x39) digits[i--] = 0x30
    if (i < this.#seqStart) {
      this.#seqStart = i
      digits[i] = 0x31
    } else {
      digits[i] = digits[i]! + 1
    }
  }

  /** SHA-256 of 0x00 ‖ version ‖ length ‖ JSON, the JSON being out[6..o). */
  leafHash(): string {
    const { out, o } = this
    const length = o - PREFIX_BYTES
    out[0] = 0x00
    out[1] = ENTRY_FORMAT_VERSION
    out[2] = length >>> 24
    out[3] = (length >>> 16) & 0xff
    out[4] = (length >>> 8) & 0xff
    out[5] = length & 0xff
    let view = this.#views[o]
    if (view === undefined) {
      view = out.subarray(0, o)
      this.#views[o] = view
    }
    return hash('sha256', view, 'binary')
  }

  #isNull(): boolean {
    if (this.text[this.p] !== NULL_MARK || this.text[this.p + 1] !== US) return false
    this.p += 2
    this.nulls += 1
    return true
  }
}

/** NULL in any case, as array_out writes a null element. */
function isNullWord(text: Uint8Array, p: number): boolean {
  return (
    (text[p]! | 0x20) === 0x6e &&
    (text[p + 1]! | 0x20) === 0x75 &&
    (text[p + 2]! | 0x20) === 0x6c &&
    (text[p + 3]! | 0x20) === 0x6c
  )
}
