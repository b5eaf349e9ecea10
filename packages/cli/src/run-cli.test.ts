import assert from 'node:assert/strict'
import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { run } from './run-for-test.ts'

async function dataDir(t: { after(fn: () => Promise<void>): void }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'mamori-cli-'))
  t.after(() => rm(dir, { recursive: true, force: true }))
  return dir
}

test('mamori --help lists every command in Japanese', async () => {
  const result = await run(['--help'])
  assert.equal(result.code, 0)
  for (const name of ['start', 'migrate', 'doctor']) assert.match(result.out, new RegExp(`^  ${name} `, 'm'))
})

test('an unknown command exits 2 with CLI_UNKNOWN_COMMAND', async () => {
  const result = await run(['strat'])
  assert.equal(result.code, 2)
  assert.match(result.err, /^エラー \[CLI_UNKNOWN_COMMAND\] 不明なコマンド「strat」です。/)
})

test('an unknown flag exits 2 with CLI_UNKNOWN_OPTION naming the flag', async () => {
  for (const args of [['doctor', '--verbose'], ['--verbose']]) {
    const result = await run(args)
    assert.equal(result.code, 2)
    assert.match(result.err, /^エラー \[CLI_UNKNOWN_OPTION\] 不明なオプション「--verbose」です。/)
  }
})

test('a stray argument exits 2 with CLI_UNEXPECTED_ARGUMENT', async () => {
  const result = await run(['migrate', 'now'])
  assert.equal(result.code, 2)
  assert.match(result.err, /\[CLI_UNEXPECTED_ARGUMENT\]/)
})

test('a bad setting exits 1 with CONFIG_INVALID and the variable in the message', async () => {
  const result = await run(['migrate'], { MAMORI_PORT: 'eighty' })
  assert.equal(result.code, 1)
  assert.match(result.err, /\[CONFIG_INVALID\][\s\S]*MAMORI_PORT/)
})

test('mamori migrate creates the embedded database, then has nothing left to do', async (t) => {
  const dir = await dataDir(t)
  const first = await run(['migrate'], { MAMORI_DATA_DIR: dir })
  assert.equal(first.code, 0, first.err)
  assert.match(first.out, /適用しました: server\/0001_instance\.sql/)
  assert.match(first.out, /適用しました: audit\/0001_audit-log\.sql/)
  const applied = first.out.match(/適用しました: /g)?.length ?? 0
  const second = await run(['migrate'], { MAMORI_DATA_DIR: dir })
  assert.equal(second.code, 0, second.err)
  assert.match(second.out, new RegExp(`最新です（適用済み ${applied} 件）`))

  const doctor = await run(['doctor'], { MAMORI_DATA_DIR: dir, MAMORI_PORT: '1' })
  assert.equal(doctor.code, 0, doctor.out)
  assert.match(doctor.out, /✔ データベース: PGlite .*（接続可、最新）/)
  assert.match(doctor.out, /・ サーバー: 停止中/)
})

test('mamori doctor on a fresh machine explains what the first start will create', async (t) => {
  const dir = join(await dataDir(t), 'not-yet')
  const result = await run(['doctor'], { MAMORI_DATA_DIR: dir, MAMORI_PORT: '1' })
  assert.equal(result.code, 0, result.out)
  assert.match(result.out, /✔ Node\.js: v2\d/)
  assert.match(result.out, /初回起動時に作成されます/)
  assert.match(result.out, /・ SoftHSM2: なし（.*apt-get install softhsm2）/)
})

test('mamori doctor exits 1 with the fix when a key file is readable by others', async (t) => {
  const dir = await dataDir(t)
  const { ensureLocalSecret } = await import('@mamori/server')
  const key = await ensureLocalSecret(join(dir, 'keys'), 'session')
  await chmod(key.path, 0o644)
  const result = await run(['doctor'], { MAMORI_DATA_DIR: dir, MAMORI_PORT: '1' })
  assert.equal(result.code, 1)
  assert.match(
    result.out,
    /✖ 鍵プロバイダ: 所有者以外も読める鍵ファイルがあります: session\.key\n {4}対処: chmod 600/,
  )
  assert.match(result.err, /\[DOCTOR_PROBLEMS_FOUND\]/)
})
