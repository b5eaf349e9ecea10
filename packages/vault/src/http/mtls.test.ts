import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { createVaultClient, VaultClientError } from '@mamori/vault-client'
import { loadVaultConfig } from '../config.ts'
import { ServiceError } from '../service-error.ts'
import { startVault } from '../start-vault.ts'

/** A throwaway CA, the vault's server certificate and client certificates, made with the openssl CLI. */
async function certificates(dir: string): Promise<void> {
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' })
  const key = (name: string) =>
    openssl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', `${name}.key`)
  key('ca')
  openssl(
    'req',
    '-x509',
    '-new',
    '-key',
    'ca.key',
    '-subj',
    '/CN=mamori-test-ca',
    '-days',
    '1',
    '-out',
    'ca.pem',
  )
  await writeFile(join(dir, 'server.ext'), 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n')
  await writeFile(join(dir, 'client.ext'), 'extendedKeyUsage=clientAuth\n')
  const sign = (name: string, cn: string, ext: string) => {
    key(name)
    openssl('req', '-new', '-key', `${name}.key`, '-subj', `/CN=${cn}`, '-out', `${name}.csr`)
    openssl(
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-days',
      '1',
      '-extfile',
      ext,
      '-out',
      `${name}.pem`,
    )
  }
  sign('server', 'mamori-vault', 'server.ext')
  sign('client', 'mamori-server', 'client.ext')
  sign('intruder', 'someone-else', 'client.ext')
}

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'pipe' })
    return true
  } catch {
    return false
  }
}

test('production mode: mutual TLS admits only a client certificate of the CA with an admitted name', {
  skip: hasOpenssl() ? false : 'openssl CLI not installed',
}, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'mamori-mtls-'))
  try {
    await certificates(dir)
    const config = loadVaultConfig(
      {
        MAMORI_DATA_DIR: join(dir, 'data'),
        MAMORI_VAULT_MODE: 'production',
        MAMORI_VAULT_PORT: '0',
        MAMORI_VAULT_TLS_CERT: join(dir, 'server.pem'),
        MAMORI_VAULT_TLS_KEY: join(dir, 'server.key'),
        MAMORI_VAULT_TLS_CA: join(dir, 'ca.pem'),
        MAMORI_VAULT_LOG_LEVEL: 'silent',
      },
      dir,
    )
    const vault = await startVault(config)
    const file = (name: string) => readFile(join(dir, name))
    const clientFor = async (name: string) =>
      createVaultClient({
        transport: 'mtls',
        url: vault.address,
        cert: await file(`${name}.pem`),
        key: await file(`${name}.key`),
        ca: await file('ca.pem'),
      })
    try {
      const admitted = await clientFor('client')
      const key = await admitted.publicKey()
      assert.match(key.keyId, /^[A-Za-z0-9_-]+$/)
      const status = await admitted.status({
        context: {
          actorId: randomUUID(),
          tenantId: randomUUID(),
          clientId: randomUUID(),
          subjectId: randomUUID(),
          purpose: 'WITHHOLDING_SLIP',
          requestId: randomUUID(),
        },
      })
      assert.equal(status.registered, false)
      admitted.close()

      const intruder = await clientFor('intruder')
      await assert.rejects(
        intruder.publicKey(),
        (e: unknown) => e instanceof VaultClientError && e.code === 'SERVICE_UNAUTHENTICATED',
      )
      intruder.close()

      const withoutCertificate = createVaultClient({
        transport: 'mtls',
        url: vault.address,
        cert: '',
        key: '',
        ca: await file('ca.pem'),
      })
      await assert.rejects(
        withoutCertificate.publicKey(),
        (e: unknown) => e instanceof VaultClientError && e.code === 'VAULT_UNREACHABLE',
      )
      withoutCertificate.close()
    } finally {
      await vault.close()
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
})

test('production mode without its certificate files is refused with CONFIG_INVALID naming each', () => {
  assert.throws(
    () => loadVaultConfig({ MAMORI_VAULT_MODE: 'production' }, '/tmp'),
    (e: unknown) =>
      e instanceof ServiceError &&
      e.code === 'CONFIG_INVALID' &&
      ['MAMORI_VAULT_TLS_CERT', 'MAMORI_VAULT_TLS_KEY', 'MAMORI_VAULT_TLS_CA'].every((f) =>
        e.messageJa.includes(f),
      ),
  )
})
