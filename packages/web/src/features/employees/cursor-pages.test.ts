import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { cursorOf, FIRST_PAGE, goToPage, pageCount, pageLoaded } from './cursor-pages.ts'

test('1ページ目は cursor なしで始まり、次があれば2ページ目を示す', () => {
  assert.equal(cursorOf(FIRST_PAGE), null)
  const loaded = pageLoaded(FIRST_PAGE, 'c2')
  assert.equal(pageCount(loaded), 2)
  const second = goToPage(loaded, 2)
  assert.equal(cursorOf(second), 'c2')
  const last = pageLoaded(second, null)
  assert.equal(pageCount(last), 2)
  assert.equal(cursorOf(goToPage(last, 1)), null)
})

test('まだ届いていないページへは移らない', () => {
  const loaded = pageLoaded(FIRST_PAGE, 'c2')
  assert.equal(goToPage(loaded, 3), loaded)
  assert.equal(goToPage(loaded, 0), loaded)
})

test('どのように進んでも、今のページの cursor は前のページが返したもの', () => {
  // The server's pages as a chain of cursors: page i+1 starts at `c${i + 1}`, the last has none.
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 8 }),
      fc.array(fc.integer({ min: 1, max: 9 }), { maxLength: 30 }),
      (total, clicks) => {
        const nextOf = (page: number) => (page < total ? `c${page + 1}` : null)
        let pages = pageLoaded(FIRST_PAGE, nextOf(1))
        for (const click of clicks) {
          pages = goToPage(pages, click)
          assert.equal(cursorOf(pages), pages.current === 1 ? null : `c${pages.current}`)
          pages = pageLoaded(pages, nextOf(pages.current))
          assert.ok(pageCount(pages) <= total)
        }
      },
    ),
  )
})
