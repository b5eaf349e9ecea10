/**
 * The package boundaries of docs/architecture.md, checked in CI.
 * Paths are real paths: npm links workspaces, and dependency-cruiser follows the links.
 */
module.exports = {
  forbidden: [
    {
      name: 'rules-imports-nothing-of-ours',
      comment: 'rules is pure statutory logic: it imports no other package of ours.',
      severity: 'error',
      from: { path: '^packages/rules/' },
      to: { path: '^(packages/(?!rules/)|bench/|e2e/|scripts/)' },
    },
    {
      name: 'audit-tests-use-only-the-db-harness',
      comment: 'Audit tests may run on the shared test-database harness, and on nothing else of ours.',
      severity: 'error',
      from: { path: '^packages/audit/.*\\.test\\.ts$' },
      to: { path: '^(packages/(?!audit/|rules/|db/src/testing/|db/src/)|bench/|e2e/|scripts/)' },
    },
    {
      name: 'audit-imports-only-rules',
      comment:
        'audit is used by both the vault and the server; it may import rules and nothing else of ours.',
      severity: 'error',
      from: { path: '^packages/audit/', pathNot: '\\.test\\.ts$' },
      to: { path: '^(packages/(?!audit/|rules/)|bench/|e2e/|scripts/)' },
    },
    {
      name: 'db-imports-nothing-of-ours',
      comment: 'db is plumbing (connections, migrator, test harness); it knows no feature.',
      severity: 'error',
      from: { path: '^packages/db/' },
      to: { path: '^(packages/(?!db/)|bench/|e2e/|scripts/)' },
    },
    {
      name: 'vault-never-imports-server-web-cli',
      comment: 'The vault is its own blast radius: it never depends on the back office.',
      severity: 'error',
      from: { path: '^packages/vault/' },
      to: { path: '^packages/(server|web|cli)/' },
    },
    {
      name: 'server-reaches-vault-only-through-its-client',
      comment:
        'The server and the CLI use @mamori/vault-client and the wire contract, never vault internals.',
      severity: 'error',
      from: { path: '^packages/(server|cli)/' },
      to: { path: '^packages/vault/(?!src/contract/)' },
    },
    {
      name: 'vault-client-imports-only-the-contract',
      comment: 'The client is a thin typed transport: the contract and rules, never the service.',
      severity: 'error',
      from: { path: '^packages/vault-client/' },
      to: { path: '^packages/(vault/(?!src/contract/)|server/|web/|cli/|db/|audit/)' },
    },
    {
      name: 'server-never-imports-web-or-cli',
      severity: 'error',
      from: { path: '^packages/server/' },
      to: { path: '^packages/(web|cli)/' },
    },
    {
      name: 'web-reaches-server-only-over-http',
      comment:
        'The SPA may use rules, the audit verifier and the vault contract (it seals numbers in the page); the server, vault, db and cli only over HTTP.',
      severity: 'error',
      from: { path: '^packages/web/' },
      to: { path: '^packages/(server|vault/(?!src/contract/)|db|cli)/' },
    },
    {
      name: 'nothing-imports-bench-or-e2e',
      severity: 'error',
      from: { path: '^packages/' },
      to: { path: '^(bench|e2e|scripts)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(data|node_modules)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.json'],
    },
  },
}
