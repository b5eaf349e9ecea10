import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import fc from 'fast-check'
import pkcs11js from 'pkcs11js'
import { needsRewrap, rewrapKey } from '../crypto/data-keys.ts'
import { assertRefused, temporaryDirectory } from '../crypto/test-support.ts'
import type { WrapContext } from './key-provider.ts'
import { openLocalKeyProvider } from './local-file.ts'
import { DEFAULT_KEK_LABEL, openPkcs11KeyProvider } from './pkcs11.ts'

const library = '/usr/lib/softhsm/libsofthsm2.so'
const skip = existsSync(library)
  ? false
  : `${library} is missing: install the softhsm2 package to run these tests`

const pin = '739184'
const soPin = '582016'
const context: WrapContext = { purpose: 'data-key', tenantId: 'tenant-a', keyId: 'tenant', version: 1 }
const key = () => new Uint8Array(32).map((_, i) => 255 - i * 5)

describe('pkcs11 key provider (SoftHSM2)', { skip }, () => {
  let home: string
  let tokens = 0

  before(async () => {
    home = await mkdtemp(join(tmpdir(), 'mamori-softhsm-'))
    await mkdir(join(home, 'tokens'), { mode: 0o700 })
    await writeFile(
      join(home, 'softhsm2.conf'),
      `directories.tokendir = ${join(home, 'tokens')}\nobjectstore.backend = file\nlog.level = ERROR\n`,
    )
    // SoftHSM2 reads its configuration from here at C_Initialize: a throwaway token directory.
    process.env.SOFTHSM2_CONF = join(home, 'softhsm2.conf')
  })
  after(() => rm(home, { recursive: true, force: true }))

  /** A fresh token for one test; its label. */
  function newToken(): string {
    const label = `mamori-test-${++tokens}`
    execFileSync(
      'softhsm2-util',
      ['--init-token', '--free', '--label', label, '--so-pin', soPin, '--pin', pin],
      {
        env: { ...process.env },
        stdio: 'ignore',
      },
    )
    return label
  }

  /** A session of our own on the token, as an administrator with a PKCS#11 tool would have. */
  function withSession<T>(tokenLabel: string, use: (p11: pkcs11js.PKCS11, session: Buffer) => T): T {
    const p11 = new pkcs11js.PKCS11()
    p11.load(library)
    p11.C_Initialize()
    try {
      const slot = p11.C_GetSlotList(true).find((s) => p11.C_GetTokenInfo(s).label.trimEnd() === tokenLabel)!
      const session = p11.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION | pkcs11js.CKF_RW_SESSION)
      p11.C_Login(session, pkcs11js.CKU_USER, pin)
      return use(p11, session)
    } finally {
      p11.C_Finalize()
      p11.close()
    }
  }

  const open = (tokenLabel: string) => openPkcs11KeyProvider({ library, tokenLabel, pin })

  it('first start generates KEK v1 on the token: sensitive, never extractable, its value unreadable', async () => {
    const tokenLabel = newToken()
    const provider = await open(tokenLabel)
    assert.equal(provider.kekVersion(), 1)
    assert.deepEqual(provider.describe().kekVersions, [1])
    assert.ok(!provider.describe().location.includes(pin))
    await provider.close()
    withSession(tokenLabel, (p11, session) => {
      p11.C_FindObjectsInit(session, [{ type: pkcs11js.CKA_LABEL, value: DEFAULT_KEK_LABEL }])
      const [handle, ...rest] = p11.C_FindObjects(session, 10)
      p11.C_FindObjectsFinal(session)
      assert.equal(rest.length, 0)
      const [extractable, sensitive] = p11.C_GetAttributeValue(session, handle!, [
        { type: pkcs11js.CKA_EXTRACTABLE },
        { type: pkcs11js.CKA_SENSITIVE },
      ])
      assert.deepEqual([extractable!.value[0], sensitive!.value[0]], [0, 1])
      assert.throws(
        () => p11.C_GetAttributeValue(session, handle!, [{ type: pkcs11js.CKA_VALUE }]),
        /CKR_ATTRIBUTE_SENSITIVE/,
      )
    })
  })

  it('wrap and unwrap on the token; a key wrapped before a restart unwraps after it', async () => {
    const tokenLabel = newToken()
    const first = await open(tokenLabel)
    const wrapped = await first.wrap(key(), context)
    assert.equal(wrapped.length, 65)
    await first.close()
    const second = await open(tokenLabel)
    try {
      assert.deepEqual(new Uint8Array(await second.unwrap(wrapped, context)), key())
      await assertRefused(
        () => second.unwrap(wrapped, { ...context, tenantId: 'tenant-b' }),
        'KEY_UNWRAP_FAILED',
      )
      await assertRefused(() => second.unwrap(wrapped, { ...context, version: 2 }), 'KEY_UNWRAP_FAILED')
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: 64 }), fc.integer({ min: 0, max: 7 }), async (at, bit) => {
          fc.pre(at < 1 || at > 4)
          const tampered = Uint8Array.from(wrapped)
          tampered[at]! ^= 1 << bit
          await assertRefused(() => second.unwrap(tampered, context), 'KEY_UNWRAP_FAILED', [pin])
        }),
        { numRuns: 60 },
      )
    } finally {
      await second.close()
    }
  })

  it('a key wrapped by the local provider does not unwrap on the token, and moves there by rewrap', async (t) => {
    const local = await openLocalKeyProvider({ directory: await temporaryDirectory(t) })
    const hsm = await open(newToken())
    try {
      const wrapped = await local.wrap(key(), context)
      await assertRefused(() => hsm.unwrap(wrapped, context), 'KEY_UNWRAP_FAILED')
      const moved = await rewrapKey(wrapped, context, local, hsm)
      assert.deepEqual(new Uint8Array(await hsm.unwrap(moved, context)), key())
    } finally {
      await Promise.all([local.close(), hsm.close()])
    }
  })

  it('rotation on the token: v2 is generated, v1 keys still unwrap until rewrapped, then v1 is destroyed', async () => {
    const tokenLabel = newToken()
    const provider = await open(tokenLabel)
    try {
      const old = await provider.wrap(key(), context)
      assert.equal(await provider.rotate(), 2)
      const moved = await rewrapKey(old, context, provider)
      assert.equal(needsRewrap(old, provider), true)
      assert.equal(needsRewrap(moved, provider), false)
      await assertRefused(() => provider.retire(2), 'ARGUMENT_INVALID')
      await provider.retire(1)
      await assertRefused(() => provider.unwrap(old, context), 'KEK_VERSION_UNKNOWN')
      assert.deepEqual(new Uint8Array(await provider.unwrap(moved, context)), key())
    } finally {
      await provider.close()
    }
    const reopened = await open(tokenLabel)
    assert.deepEqual(reopened.describe().kekVersions, [2])
    await reopened.close()
  })

  it('HSM_KEY_UNSAFE: an extractable key, or a key imported from outside, under the KEK label', async () => {
    for (const template of [
      { extractable: true, imported: false },
      { extractable: false, imported: true },
    ]) {
      const tokenLabel = newToken()
      withSession(tokenLabel, (p11, session) => {
        const attributes = [
          { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_SECRET_KEY },
          { type: pkcs11js.CKA_KEY_TYPE, value: pkcs11js.CKK_AES },
          { type: pkcs11js.CKA_LABEL, value: DEFAULT_KEK_LABEL },
          { type: pkcs11js.CKA_ID, value: Buffer.from([0, 0, 0, 1]) },
          { type: pkcs11js.CKA_TOKEN, value: true },
          { type: pkcs11js.CKA_SENSITIVE, value: true },
          { type: pkcs11js.CKA_EXTRACTABLE, value: template.extractable },
          { type: pkcs11js.CKA_ENCRYPT, value: true },
          { type: pkcs11js.CKA_DECRYPT, value: true },
        ]
        if (template.imported) {
          p11.C_CreateObject(session, [
            ...attributes,
            { type: pkcs11js.CKA_VALUE, value: Buffer.alloc(32, 7) },
          ])
        } else {
          p11.C_GenerateKey(session, { mechanism: pkcs11js.CKM_AES_KEY_GEN }, [
            ...attributes,
            { type: pkcs11js.CKA_VALUE_LEN, value: 32 },
          ])
        }
      })
      await assertRefused(() => open(tokenLabel), 'HSM_KEY_UNSAFE', [pin])
    }
  })

  it('HSM_KEY_UNSAFE: two KEKs claiming one version', async () => {
    const tokenLabel = newToken()
    await (await open(tokenLabel)).close()
    withSession(tokenLabel, (p11, session) => {
      p11.C_GenerateKey(session, { mechanism: pkcs11js.CKM_AES_KEY_GEN }, [
        { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_SECRET_KEY },
        { type: pkcs11js.CKA_KEY_TYPE, value: pkcs11js.CKK_AES },
        { type: pkcs11js.CKA_VALUE_LEN, value: 32 },
        { type: pkcs11js.CKA_LABEL, value: DEFAULT_KEK_LABEL },
        { type: pkcs11js.CKA_ID, value: Buffer.from([0, 0, 0, 1]) },
        { type: pkcs11js.CKA_TOKEN, value: true },
        { type: pkcs11js.CKA_SENSITIVE, value: true },
        { type: pkcs11js.CKA_EXTRACTABLE, value: false },
      ])
    })
    await assertRefused(() => open(tokenLabel), 'HSM_KEY_UNSAFE')
  })

  it('HSM_UNAVAILABLE: a wrong PIN, an unknown token or a missing library, never echoing the PIN', async () => {
    const tokenLabel = newToken()
    const wrongPin = '864213'
    await assertRefused(
      () => openPkcs11KeyProvider({ library, tokenLabel, pin: wrongPin }),
      'HSM_UNAVAILABLE',
      [wrongPin, pin],
    )
    await assertRefused(() => open('no-such-token'), 'HSM_UNAVAILABLE', [pin])
    await assertRefused(
      () => openPkcs11KeyProvider({ library: join(home, 'missing.so'), tokenLabel, pin }),
      'HSM_UNAVAILABLE',
      [pin],
    )
    // Still usable after the failures: nothing was left initialised or logged in.
    await (await open(tokenLabel)).close()
  })
})
