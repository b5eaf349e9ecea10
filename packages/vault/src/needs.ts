import { VaultError } from './errors.ts'

/**
 * Pre- and postconditions of the crypto layer, after the AWS Encryption SDK's `needs()`: each is
 * a comment stating the rule, this assert, and a test of the same name. A failed `needs` is a bug
 * in the caller, so it is ARGUMENT_INVALID; the message names the rule, never the value.
 */
export function needs(condition: unknown, message: string, field?: string): asserts condition {
  if (!condition) {
    throw new VaultError({ code: 'ARGUMENT_INVALID', message, ...(field === undefined ? {} : { field }) })
  }
}
