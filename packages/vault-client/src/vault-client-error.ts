/**
 * A refusal or failure reported by the vault, or by the transport on the way. `code` is the
 * vault's stable code (docs/vault.md lists them) or one of the client's own: VAULT_UNREACHABLE,
 * VAULT_RESPONSE_INVALID. Messages never carry a number: the vault never sends one.
 */
export class VaultClientError extends Error {
  readonly code: string
  readonly messageJa: string
  readonly field: string | undefined
  readonly status: number | undefined
  readonly requestId: string | undefined

  constructor(init: {
    code: string
    message: string
    messageJa: string
    field?: string | undefined
    status?: number | undefined
    requestId?: string | undefined
  }) {
    super(init.message)
    this.name = 'VaultClientError'
    this.code = init.code
    this.messageJa = init.messageJa
    this.field = init.field
    this.status = init.status
    this.requestId = init.requestId
  }
}
