import { access, constants, readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { describeTarget, migrationStatus, openDatabase } from '@mamori/db'
import type { ServerConfig } from '@mamori/server'
import { APP_DATABASE_MIGRATIONS, dataDirLockHolder } from '@mamori/server'

/** One line of `mamori doctor`: ok, a problem with its fix, or information. */
export type Check = { status: 'ok' | 'problem' | 'info'; label: string; detail: string; fixJa?: string }

export function checkNode(version: string): Check {
  const major = Number(version.split('.')[0])
  return major >= 24
    ? { status: 'ok', label: 'Node.js', detail: `v${version}` }
    : {
        status: 'problem',
        label: 'Node.js',
        detail: `v${version}（24 以上が必要）`,
        fixJa:
          'npm ci を実行してから npm run mamori -- doctor で実行してください（プロジェクトが Node 24 を用意します）。',
      }
}

export async function checkDataDir(config: ServerConfig): Promise<Check> {
  try {
    await access(config.paths.root, constants.W_OK)
    return { status: 'ok', label: 'データディレクトリ', detail: config.paths.root }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return {
        status: 'info',
        label: 'データディレクトリ',
        detail: `${config.paths.root}（初回起動時に作成されます）`,
      }
    }
    return {
      status: 'problem',
      label: 'データディレクトリ',
      detail: `${config.paths.root} に書き込めません`,
      fixJa: '所有者と権限を確認するか、MAMORI_DATA_DIR で書き込める場所を指定してください。',
    }
  }
}

export async function checkServer(config: ServerConfig): Promise<{ check: Check; running: boolean }> {
  const holder = await dataDirLockHolder(config.paths.root)
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}/health`
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) })
    const body = (await response.json()) as { status?: string; version?: string }
    if (response.ok && body.status === 'ok') {
      return {
        check: { status: 'ok', label: 'サーバー', detail: `稼働中 ${url}（v${body.version}）` },
        running: true,
      }
    }
  } catch {
    // Not answering is reported below, with or without a process holding the data directory.
  }
  if (holder !== null) {
    return {
      check: {
        status: 'problem',
        label: 'サーバー',
        detail: `PID ${holder.pid} がデータを使用中ですが ${url} に応答がありません`,
        fixJa:
          'MAMORI_HOST と MAMORI_PORT が起動時と同じか確認してください。応答しない場合はプロセスを停止して再起動してください。',
      },
      running: true,
    }
  }
  return {
    check: { status: 'info', label: 'サーバー', detail: '停止中（npm start で起動します）' },
    running: false,
  }
}

/** Opens the database only when no server holds it: PGlite must never be opened twice. */
export async function checkDatabase(config: ServerConfig, serverRunning: boolean): Promise<Check> {
  const label = 'データベース'
  const where = describeTarget(config.database)
  if (serverRunning) return { status: 'ok', label, detail: `${where}（サーバーが使用中）` }
  if (config.database.kind === 'pglite' && !(await exists(config.database.dataDir))) {
    return { status: 'info', label, detail: `${where}（初回起動時に作成されます）` }
  }
  try {
    const database = await openDatabase<unknown>(config.database)
    try {
      const status = await migrationStatus(database, [...APP_DATABASE_MIGRATIONS])
      return status.pending.length === 0
        ? { status: 'ok', label, detail: `${where}（接続可、最新）` }
        : {
            status: 'problem',
            label,
            detail: `${where}（未適用のマイグレーション ${status.pending.length} 件）`,
            fixJa: 'mamori migrate を実行するか、npm start で起動してください（起動時に適用されます）。',
          }
    } finally {
      await database.close()
    }
  } catch (error) {
    const messageJa = (error as { messageJa?: string }).messageJa ?? '接続できません。'
    return { status: 'problem', label, detail: where, fixJa: messageJa }
  }
}

export async function checkKeys(config: ServerConfig): Promise<Check> {
  const label = '鍵プロバイダ'
  let files: string[]
  try {
    files = (await readdir(config.paths.keys)).filter((f) => f.endsWith('.key'))
  } catch {
    return { status: 'info', label, detail: `local（${config.paths.keys}、初回起動時に生成されます）` }
  }
  const unsafe: string[] = []
  for (const file of files) {
    if (((await stat(join(config.paths.keys, file))).mode & 0o077) !== 0) unsafe.push(file)
  }
  return unsafe.length === 0
    ? {
        status: 'ok',
        label,
        detail: `local（${config.paths.keys}、鍵 ${files.length} 個、所有者のみ読み取り可）`,
      }
    : {
        status: 'problem',
        label,
        detail: `所有者以外も読める鍵ファイルがあります: ${unsafe.join(', ')}`,
        fixJa: `chmod 600 ${join(config.paths.keys, '*.key')} を実行してください。`,
      }
}

/** Packages that only some features and the test suite need; their absence is not a fault. */
export async function checkOptionalPackages(pathVariable: string | undefined): Promise<Check[]> {
  const found = async (program: string) => {
    for (const dir of (pathVariable ?? '').split(':').filter(Boolean)) {
      if (await exists(join(dir, program))) return true
    }
    return false
  }
  const optional = [
    {
      program: 'softhsm2-util',
      label: 'SoftHSM2',
      use: 'PKCS#11 鍵プロバイダの試験',
      install: 'apt-get install softhsm2',
    },
    {
      program: 'chromium',
      label: 'Chromium',
      use: 'ブラウザでの E2E テスト',
      install: 'apt-get install chromium fonts-noto-cjk',
    },
  ]
  return Promise.all(
    optional.map(
      async (p): Promise<Check> =>
        (await found(p.program))
          ? { status: 'ok', label: p.label, detail: `あり（${p.use}）` }
          : { status: 'info', label: p.label, detail: `なし（${p.use}に必要: ${p.install}）` },
    ),
  )
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path)
    return true
  } catch {
    return false
  }
}
