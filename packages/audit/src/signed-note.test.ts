import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { ENOCH_SIG, ENOCH_VERIFIER_KEY, GO_TEXT, PETER_SIG, PETER_VERIFIER_KEY } from './go-note-vectors.ts'
import {
  formatVerifierKey,
  keyIdOf,
  MAX_NOTE_SIGNATURES,
  openNote,
  parseNote,
  parseVerifierKey,
} from './signed-note.ts'

const MALFORMED = { code: 'CHECKPOINT_MALFORMED' }
const SIGNATURE_INVALID = { code: 'CHECKPOINT_SIGNATURE_INVALID' }

describe('verifier keys', () => {
  it('parses Go’s verifier key, whose ID is the C2SP key ID of its name and key', async () => {
    const key = await parseVerifierKey(PETER_VERIFIER_KEY)
    assert.equal(key.name, 'PeterNeumann')
    assert.equal(key.publicKey.length, 32)
    assert.deepEqual([...(await keyIdOf(key))], [0xc7, 0x4f, 0x20, 0xa3])
    assert.equal(await formatVerifierKey(key), PETER_VERIFIER_KEY)
  })

  // golang.org/x/mod sumdb/note TestNewVerifier: every proper substring and every single-byte
  // increment of the key string is refused, as are its two adjusted-hash manglings.
  it('refuses every mangling of a verifier key', async () => {
    const bad: string[] = [
      'PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==',
      'PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW',
    ]
    const k = PETER_VERIFIER_KEY
    for (let i = 0; i <= k.length; i++) {
      for (let j = i + 1; j <= k.length; j++) if (i !== 0 || j !== k.length) bad.push(k.slice(i, j))
    }
    for (let i = 0; i < k.length; i++)
      bad.push(k.slice(0, i) + String.fromCharCode(k.charCodeAt(i) + 1) + k.slice(i + 1))
    for (const text of bad) {
      await assert.rejects(parseVerifierKey(text), { code: 'VERIFIER_KEY_MALFORMED' }, text)
    }
  })
})

describe('signed notes (c2sp.org/signed-note)', () => {
  it('opens Go’s note signed by PeterNeumann', async () => {
    const key = await parseVerifierKey(PETER_VERIFIER_KEY)
    assert.equal(await openNote(`${GO_TEXT}\n${PETER_SIG}`, key), GO_TEXT)
  })

  it('ignores signatures by other keys, and opens with either signer', async () => {
    const note = `${GO_TEXT}\n${PETER_SIG}${ENOCH_SIG}`
    assert.equal(await openNote(note, await parseVerifierKey(PETER_VERIFIER_KEY)), GO_TEXT)
    assert.equal(await openNote(note, await parseVerifierKey(ENOCH_VERIFIER_KEY)), GO_TEXT)
  })

  it('refuses a note without a signature by the trusted key', async () => {
    await assert.rejects(
      openNote(`${GO_TEXT}\n${ENOCH_SIG}`, await parseVerifierKey(PETER_VERIFIER_KEY)),
      SIGNATURE_INVALID,
    )
  })

  it('refuses a note whose text was changed', async () => {
    const key = await parseVerifierKey(PETER_VERIFIER_KEY)
    const note = `${GO_TEXT.replace('cryptography', 'cryptographY')}\n${PETER_SIG}`
    await assert.rejects(openNote(note, key), SIGNATURE_INVALID)
  })

  it('refuses the whole note when one signature by the trusted key fails, even if another verifies', async () => {
    const key = await parseVerifierKey(PETER_VERIFIER_KEY)
    const corrupt = `${PETER_SIG.slice(0, 60)}ABCD${PETER_SIG.slice(60)}`
    await assert.rejects(openNote(`${GO_TEXT}\n${corrupt}`, key), SIGNATURE_INVALID)
    await assert.rejects(openNote(`${GO_TEXT}\n${PETER_SIG}${corrupt}`, key), SIGNATURE_INVALID)
  })

  it('treats a signature with the trusted name but another key ID as someone else’s', async () => {
    const key = await parseVerifierKey(PETER_VERIFIER_KEY)
    const wrongId = PETER_SIG.replace('x08g', 'xxxx')
    await assert.rejects(openNote(`${GO_TEXT}\n${wrongId}`, key), SIGNATURE_INVALID)
    assert.equal(await openNote(`${GO_TEXT}\n${wrongId}${PETER_SIG}`, key), GO_TEXT)
  })

  // golang.org/x/mod sumdb/note TestOpen "Invalid encoded message syntax", plus our bounds.
  const malformed: [string, string][] = [
    ['text alone', GO_TEXT],
    ['no signature after the blank line', `${GO_TEXT}\n`],
    ['no final newline', `${GO_TEXT}\n${PETER_SIG.slice(0, -1)}`],
    ['a control character', `\u0001${GO_TEXT}\n${PETER_SIG}`],
    ['a lone surrogate', `\ud800${GO_TEXT}\n${PETER_SIG}`],
    ['a space in the key name', `${GO_TEXT}\n${PETER_SIG.replace('PeterNeumann', 'Bad Name')}`],
    ['a plus in the key name', `${GO_TEXT}\n${PETER_SIG.replace('PeterNeumann', 'a+b')}`],
    ['a line that is not a signature', `${GO_TEXT}\n${PETER_SIG}Unexpected line.\n`],
    ['a carriage return', `${GO_TEXT}\n${PETER_SIG.slice(0, -1)}\r\n`],
    ['non-canonical base64', `${GO_TEXT}\n${PETER_SIG.replace('AM=', 'AN=')}`],
    ['a signature of only a key ID', `${GO_TEXT}\n— PeterNeumann x08gow==\n`],
    ['too many signatures', `${GO_TEXT}\n${PETER_SIG.repeat(MAX_NOTE_SIGNATURES + 1)}`],
    ['too many bytes', `${'a'.repeat(20_000)}\n\n${PETER_SIG}`],
  ]
  for (const [name, note] of malformed) {
    it(`refuses a note with ${name}`, async () => {
      assert.throws(() => parseNote(note), MALFORMED)
      await assert.rejects(openNote(note, await parseVerifierKey(PETER_VERIFIER_KEY)), MALFORMED)
    })
  }

  it(`accepts ${MAX_NOTE_SIGNATURES} signatures, as the spec requires`, async () => {
    const key = await parseVerifierKey(PETER_VERIFIER_KEY)
    assert.equal(await openNote(`${GO_TEXT}\n${PETER_SIG.repeat(MAX_NOTE_SIGNATURES)}`, key), GO_TEXT)
  })

  it('splits at the last blank line, so the text may hold blank lines', () => {
    const { text, signatures } = parseNote(`a\n\nb\n\n${PETER_SIG}`)
    assert.equal(text, 'a\n\nb\n')
    assert.equal(signatures.length, 1)
  })
})
