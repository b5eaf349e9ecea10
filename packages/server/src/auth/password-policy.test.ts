import assert from 'node:assert/strict'
import { test } from 'node:test'
import { checkPassword } from './password-policy.ts'

const context = { loginId: 'yamada.hanako@example.jp', officeName: '架空社労士事務所' }

test('a passphrase of ordinary words passes on length alone, with no composition rule', () => {
  assert.equal(checkPassword('correct horse battery staple', context), null)
  assert.equal(checkPassword('しずかなあさのこうえんをあるく', context), null)
})

test('shorter than 12 characters (after NFKC) is refused', () => {
  assert.equal(checkPassword('Xk9#mPq2vL!', context), 'too_short')
})

test('a listed common password, or one padded with digits and symbols, is refused', () => {
  assert.equal(checkPassword('qwertyuiop123', context), 'common')
  assert.equal(checkPassword('Password2024!', context), 'common')
  assert.equal(checkPassword('1qaz2wsx3edc', context), 'common')
})

test("the user's own login id or office name inside the password is refused", () => {
  assert.equal(checkPassword('my yamada.hanako@example.jp pw', context), 'contains_identity')
  assert.equal(checkPassword('架空社労士事務所のパスワード', context), 'contains_identity')
})

test('one repeated character or unit, or one run of consecutive characters, is refused', () => {
  assert.equal(checkPassword('aaaaaaaaaaaaaa', context), 'pattern')
  assert.equal(checkPassword('abcabcabcabcabc', context), 'pattern')
  assert.equal(checkPassword('345678901234', context), 'pattern')
  assert.equal(checkPassword('zyxwvutsrqponm', context), 'pattern')
})
