import assert from 'node:assert/strict'
import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'

const MAIN = new URL('./main.ts', import.meta.url).pathname

type Started = { child: ChildProcess; url: string; output: () => string }

/** Runs the real `mamori start` as a user would, on any free port. */
async function startMamori(dataDir: string): Promise<Started> {
  const child = spawn(process.execPath, [MAIN, 'start'], {
    env: {
      PATH: process.env.PATH ?? '',
      MAMORI_DATA_DIR: dataDir,
      MAMORI_PORT: '0',
      MAMORI_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk) => {
    output += chunk
  })
  child.stderr.on('data', (chunk) => {
    output += chunk
  })
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /Mamori を起動しました: (http:\/\/\S+)/.exec(output)
      if (match?.[1] !== undefined) {
        clearInterval(timer)
        resolve(match[1])
      }
    }, 50)
    child.once('exit', (code) => {
      clearInterval(timer)
      reject(new Error(`mamori start exited with ${code}: ${output}`))
    })
  })
  return { child, url, output: () => output }
}

test('mamori start serves the health page, keeps one process per data directory, and stops on SIGTERM', async (t) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'mamori-start-'))
  t.after(() => rm(dataDir, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 }))
  const server = await startMamori(dataDir)
  t.after(() => server.child.kill('SIGKILL'))

  const health = await fetch(new URL('/health', server.url))
  assert.equal(health.status, 200)
  assert.equal(((await health.json()) as { status: string }).status, 'ok')
  assert.match(server.output(), /開発用の鍵を生成しました: .*session\.key/)
  assert.equal((await stat(join(dataDir, 'keys', 'session.key'))).mode & 0o777, 0o600)
  assert.match(server.output(), /\[金庫\] 金庫を起動しました: /)
  const socket = await stat(join(dataDir, 'run', 'vault.sock'))
  assert.ok(socket.isSocket())
  assert.equal(socket.mode & 0o777, 0o600)

  const second = spawn(process.execPath, [MAIN, 'start'], {
    env: { PATH: process.env.PATH ?? '', MAMORI_DATA_DIR: dataDir, MAMORI_PORT: '0' },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let secondErr = ''
  second.stderr.on('data', (chunk) => {
    secondErr += chunk
  })
  const [secondCode] = await once(second, 'exit')
  assert.equal(secondCode, 1)
  assert.match(secondErr, /\[DATA_DIR_IN_USE\]/)

  server.child.kill('SIGTERM')
  const [code] = await once(server.child, 'exit')
  assert.equal(code, 0)
  assert.match(server.output(), /Mamori を停止しました。/)
  assert.match(server.output(), /\[金庫\] 金庫を停止しました。/)
})

test('the vault does not outlive mamori start, even when it is killed with SIGKILL', async (t) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'mamori-start-kill-'))
  // The orphaned vault may still be closing its database after its socket is gone: retry the removal.
  t.after(() => rm(dataDir, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 }))
  const server = await startMamori(dataDir)
  const socket = join(dataDir, 'run', 'vault.sock')
  assert.ok((await stat(socket)).isSocket())
  server.child.kill('SIGKILL')
  await once(server.child, 'exit')
  // The vault closes its listener (which removes the socket) once its stdin pipe ends.
  for (;;) {
    const exists = await stat(socket).then(
      () => true,
      () => false,
    )
    if (!exists) break
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
})
