/** The page a new user sees after `npm start`: the server answers, and where things are. */
export function renderStatusPage(view: { version: string; databaseKind: 'pglite' | 'postgres' }): string {
  const database = view.databaseKind === 'pglite' ? '内蔵データベース (PGlite)' : 'PostgreSQL サーバー'
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Mamori — 稼働中</title>
<style>
  body { font-family: "Noto Sans CJK JP", "Hiragino Sans", sans-serif; margin: 0; background: #f8f7f6; color: #23221e; }
  main { max-width: 40rem; margin: 4rem auto; background: #fff; padding: 2rem 2.5rem; border-radius: 8px; box-shadow: 0 1px 3px rgba(0,0,0,.15); }
  h1 { font-size: 1.5rem; margin: 0 0 1rem; }
  .ok { color: #0f7f3f; font-weight: bold; }
  dt { font-weight: bold; margin-top: .75rem; }
  dd { margin: .25rem 0 0; }
</style>
</head>
<body>
<main>
  <h1>Mamori（まもり）</h1>
  <p class="ok" role="status">サーバーは稼働しています。</p>
  <p>社会保険労務士事務所のためのバックオフィスです。</p>
  <dl>
    <dt>バージョン</dt><dd>${escapeHtml(view.version)}</dd>
    <dt>データベース</dt><dd>${escapeHtml(database)}</dd>
    <dt>死活監視</dt><dd><a href="/health">/health</a>（JSON）</dd>
  </dl>
</main>
</body>
</html>
`
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
