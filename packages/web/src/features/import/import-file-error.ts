/** A file the page cannot read as a table; `messageJa` says what to do, never quoting the file. */
export class ImportFileError extends Error {
  readonly code: string
  readonly messageJa: string

  constructor(code: string, messageJa: string) {
    super(code)
    this.name = 'ImportFileError'
    this.code = code
    this.messageJa = messageJa
  }
}
