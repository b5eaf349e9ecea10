import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import {
  decodeEntry,
  type EntryObject,
  type EntryValue,
  encodeEntry,
  MAX_ENTRY_DEPTH,
  MAX_ENTRY_JSON_BYTES,
} from './entry-encoding.ts'
import { AuditError } from './errors.ts'

const FC = { seed: 8785, numRuns: 300 } as const

/** Version 0x01, big-endian length, then the JSON as UTF-8: the documented layout, by hand. */
function frame(json: string, version = 0x01): Uint8Array {
  const body = new TextEncoder().encode(json)
  return Uint8Array.of(
    version,
    body.length >>> 24,
    (body.length >>> 16) & 255,
    (body.length >>> 8) & 255,
    body.length & 255,
    ...body,
  )
}

/** Any Unicode scalar value, built by hand: fc's `unit: 'binary'` spends a second on setup. */
const text = fc.string({
  unit: fc
    .oneof(
      fc.integer({ min: 0, max: 0x7f }),
      fc.integer({ min: 0x80, max: 0xd7ff }),
      fc.integer({ min: 0xe000, max: 0x10ffff }),
    )
    .map((c) => String.fromCodePoint(c)),
  maxLength: 12,
})

const entryValue: fc.Arbitrary<EntryValue> = fc.letrec<{ value: EntryValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    fc.constant(null),
    fc.boolean(),
    fc.maxSafeInteger().filter((n) => !Object.is(n, -0)),
    text,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(text, tie('value'), { maxKeys: 4, noNullPrototype: true }),
  ),
})).value

const entry: fc.Arbitrary<EntryObject> = fc.dictionary(text, entryValue, {
  maxKeys: 6,
  noNullPrototype: true,
})

describe('entry encoding', () => {
  it('lays out version, big-endian length and sorted compact JSON', () => {
    const bytes = encodeEntry({
      type: 'NUMBER_REGISTERED',
      officeId: 'o_1',
      actorId: 'u_01',
      at: 1735689600000,
      ok: true,
      tags: ['a', null, -7],
      detail: {},
    })
    const json =
      '{"actorId":"u_01","at":1735689600000,"detail":{},"officeId":"o_1","ok":true,"tags":["a",null,-7],"type":"NUMBER_REGISTERED"}'
    assert.deepEqual(bytes, frame(json))
    assert.deepEqual([...bytes.subarray(0, 5)], [1, 0, 0, 0, json.length])
  })

  it('sorts keys by UTF-16 code units, as the example of RFC 8785 §3.2.3', () => {
    const bytes = encodeEntry({
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    })
    const order = Object.values(decodeEntry(bytes))
    const json = new TextDecoder().decode(bytes.subarray(5))
    const positions = order.map((v) => json.indexOf(`"${v}"`))
    assert.deepEqual(
      [...positions].sort((a, b) => a - b).map((p) => json.slice(p + 1, json.indexOf('"', p + 1))),
      [
        'Carriage Return',
        'One',
        'Control',
        'Latin Small Letter O With Diaeresis',
        'Euro Sign',
        'Emoji: Grinning Face',
        'Hebrew Letter Dalet With Dagesh',
      ],
    )
  })

  it('escapes strings as RFC 8785 §3.2.2.2: quote, backslash and controls only', () => {
    const bytes = encodeEntry({ s: 'a"b\\c\n\t\u0001\u007f/é😀' })
    assert.deepEqual(bytes, frame('{"s":"a\\"b\\\\c\\n\\t\\u0001\u007f/é😀"}'))
  })

  it('round-trips every canonical value', () => {
    fc.assert(
      fc.property(entry, (value) => {
        const bytes = encodeEntry(value)
        const decoded = decodeEntry(bytes)
        assert.deepEqual(encodeEntry(decoded), bytes)
        assert.deepEqual(decoded, value)
      }),
      FC,
    )
  })

  it('decodes only bytes that are the canonical encoding of what they decode to', () => {
    fc.assert(
      fc.property(entry, fc.nat(), fc.integer({ min: 0, max: 255 }), (value, at, byte) => {
        const bytes = encodeEntry(value).slice()
        bytes[at % bytes.length] = byte
        try {
          assert.deepEqual(encodeEntry(decodeEntry(bytes)), bytes)
        } catch (error) {
          assert.ok(error instanceof AuditError, String(error))
        }
      }),
      FC,
    )
  })

  const holey: number[] = [1]
  holey[2] = 3
  const unsupported: [string, unknown][] = [
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a fraction', 1.5],
    ['-0', -0],
    ['2^53', 2 ** 53],
    ['undefined', undefined],
    ['a bigint', 1n],
    ['a function', () => 1],
    ['a symbol', Symbol('x')],
    ['a Date', new Date(0)],
    ['a Map', new Map()],
    ['a class instance', new (class Point {})()],
    ['a lone surrogate', '\ud800'],
    ['undefined in an array', [1, undefined]],
    ['a hole in an array', holey],
  ]
  for (const [name, value] of unsupported) {
    it(`refuses to encode ${name}`, () => {
      assert.throws(() => encodeEntry({ v: value } as unknown as EntryObject), {
        code: 'ENTRY_VALUE_UNSUPPORTED',
      })
    })
  }

  it('refuses to encode a lone surrogate key, a symbol key, or a non-object entry', () => {
    assert.throws(() => encodeEntry({ '\udc00': 1 }), { code: 'ENTRY_VALUE_UNSUPPORTED' })
    assert.throws(() => encodeEntry({ [Symbol('k')]: 1 } as unknown as EntryObject), {
      code: 'ENTRY_VALUE_UNSUPPORTED',
    })
    assert.throws(() => encodeEntry([] as unknown as EntryObject), { code: 'ENTRY_VALUE_UNSUPPORTED' })
  })

  it(`refuses entries nested deeper than ${MAX_ENTRY_DEPTH} or longer than ${MAX_ENTRY_JSON_BYTES} bytes`, () => {
    let deep: EntryValue = 1
    for (let i = 1; i < MAX_ENTRY_DEPTH; i++) deep = [deep]
    encodeEntry({ v: deep })
    assert.throws(() => encodeEntry({ v: [deep] }), { code: 'ENTRY_TOO_DEEP' })
    assert.throws(() => encodeEntry({ v: 'x'.repeat(MAX_ENTRY_JSON_BYTES) }), { code: 'ENTRY_TOO_LARGE' })
  })

  const notCanonical: [string, string][] = [
    ['unsorted keys', '{"b":1,"a":2}'],
    ['a duplicate key', '{"a":1,"a":1}'],
    ['whitespace', '{"a": 1}'],
    ['a trailing newline', '{"a":1}\n'],
    ['1.0', '{"a":1.0}'],
    ['an exponent', '{"a":1e2}'],
    ['-0', '{"a":-0}'],
    ['an integer past 2^53', '{"a":9007199254740993}'],
    ['a needless \\u escape', '{"a":"\\u0041"}'],
    ['an escaped slash', '{"a":"\\/"}'],
    ['an escaped non-ASCII letter', '{"a":"\\u00e9"}'],
    ['an uppercase \\u escape', '{"a":"\\u001F"}'],
    ['an escaped lone surrogate', '{"a":"\\ud800"}'],
  ]
  for (const [name, json] of notCanonical) {
    it(`refuses to decode ${name}`, () => {
      assert.throws(() => decodeEntry(frame(json)), { code: 'ENTRY_NOT_CANONICAL' })
    })
  }

  const malformed: [string, Uint8Array][] = [
    ['truncated bytes', Uint8Array.of(1, 0, 0)],
    ['an unknown version', frame('{}', 2)],
    ['a length prefix past the end', Uint8Array.of(1, 0, 0, 0, 3, 0x7b, 0x7d)],
    ['a trailing byte', Uint8Array.of(...frame('{}'), 0x20)],
    ['a length beyond the limit', Uint8Array.of(1, 0xff, 0xff, 0xff, 0xff)],
    ['invalid UTF-8', Uint8Array.of(1, 0, 0, 0, 8, ...new TextEncoder().encode('{"a":"'), 0xff, 0x22)],
    ['a byte order mark', frame('\ufeff{}')],
    ['a top-level array', frame('[]')],
    ['a top-level null', frame('null')],
    ['not JSON', frame('{a:1}')],
  ]
  for (const [name, bytes] of malformed) {
    it(`refuses to decode ${name}`, () => {
      assert.throws(() => decodeEntry(bytes), { code: 'ENTRY_MALFORMED' })
    })
  }

  it('refuses deeply nested input without exhausting the stack', () => {
    const depth = 30_000
    assert.throws(() => decodeEntry(frame(`{"a":${'['.repeat(depth)}${']'.repeat(depth)}}`)), AuditError)
  })

  it('decodes a subarray of a larger buffer', () => {
    const bytes = encodeEntry({ a: 1 })
    const padded = new Uint8Array(bytes.length + 3)
    padded.set(bytes, 3)
    assert.deepEqual(decodeEntry(padded.subarray(3)), { a: 1 })
  })
})
