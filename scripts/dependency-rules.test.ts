import assert from 'node:assert/strict'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { test } from 'node:test'
import type { ICruiseResult, IForbiddenRuleType } from 'dependency-cruiser'
import { cruise } from 'dependency-cruiser'

const require = createRequire(import.meta.url)
const config = require('../.dependency-cruiser.cjs') as { forbidden: IForbiddenRuleType[] }

/** A tree shaped like ours in which every import crosses a boundary, or is one that is allowed. */
const FIXTURE: Record<string, string> = {
  'packages/rules/src/leak.ts': "import '../../server/src/app.ts'",
  'packages/audit/src/log.ts': "import '../../rules/src/ok.ts'\nimport '../../db/src/index.ts'",
  'packages/audit/src/log.test.ts': "import '../../db/src/testing/index.ts'",
  'packages/server/src/app.ts':
    "import '../../vault-client/src/index.ts'\nimport '../../vault/src/contract/index.ts'\nimport '../../vault/src/ops/register.ts'",
  'packages/web/src/page.ts': "import '../../server/src/app.ts'\nimport '../../rules/src/ok.ts'",
  'packages/vault/src/ops/register.ts': "import '../../../server/src/app.ts'",
  'packages/vault/src/contract/index.ts': 'export {}',
  'packages/vault-client/src/index.ts':
    "import '../../vault/src/contract/index.ts'\nimport '../../vault/src/ops/register.ts'",
  'packages/rules/src/ok.ts': 'export {}',
  'packages/db/src/index.ts': 'export {}',
  'packages/db/src/testing/index.ts': 'export {}',
  'bench/x.ts': 'export {}',
  'packages/cli/src/main.ts': "import '../../../bench/x.ts'",
}

test('the dependency rule refuses every boundary crossing of the architecture, and only those', async (t) => {
  const root = await mkdtemp(join(tmpdir(), 'mamori-deps-'))
  t.after(() => rm(root, { recursive: true, force: true }))
  for (const [path, text] of Object.entries(FIXTURE)) {
    await mkdir(dirname(join(root, path)), { recursive: true })
    await writeFile(join(root, path), `${text}\n`)
  }
  const previous = process.cwd()
  process.chdir(root)
  let result: ICruiseResult
  try {
    const output = await cruise(['packages', 'bench'], {
      ruleSet: { forbidden: config.forbidden },
      validate: true,
      tsPreCompilationDeps: true,
    })
    result = output.output as ICruiseResult
  } finally {
    process.chdir(previous)
  }
  const found = result.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`).sort()
  assert.deepEqual(found, [
    'audit-imports-only-rules: packages/audit/src/log.ts -> packages/db/src/index.ts',
    'no-circular: packages/server/src/app.ts -> packages/vault-client/src/index.ts',
    'no-circular: packages/server/src/app.ts -> packages/vault/src/ops/register.ts',
    'nothing-imports-bench-or-e2e: packages/cli/src/main.ts -> bench/x.ts',
    'rules-imports-nothing-of-ours: packages/rules/src/leak.ts -> packages/server/src/app.ts',
    'server-reaches-vault-only-through-its-client: packages/server/src/app.ts -> packages/vault/src/ops/register.ts',
    'vault-client-imports-only-the-contract: packages/vault-client/src/index.ts -> packages/vault/src/ops/register.ts',
    'vault-never-imports-server-web-cli: packages/vault/src/ops/register.ts -> packages/server/src/app.ts',
    'web-reaches-server-only-over-http: packages/web/src/page.ts -> packages/server/src/app.ts',
  ])
})
