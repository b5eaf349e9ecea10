/**
 * Just enough XML for the parts of an .xlsx file (workbook, relationships, shared strings,
 * worksheets): elements by local name (a prefix such as x: is dropped), attributes, and text with
 * the predefined and numeric character references decoded. Linear in the input. Comments,
 * processing instructions and declarations are skipped. Not a validating parser: Excel and the
 * libraries that write .xlsx produce well-formed XML, and anything else gives wrong cells, which
 * the import's checks then report.
 */
export type XmlHandlers = {
  open?(name: string, attributes: Readonly<Record<string, string>>, selfClosing: boolean): void
  close?(name: string): void
  text?(text: string): void
}

const TOKEN = /<(!--[\s\S]*?--|\?[\s\S]*?\?|![^>]*|\/?[^>]*)>|([^<]+)/g
const ATTRIBUTE = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g

export function readXml(xml: string, handlers: XmlHandlers): void {
  for (const match of xml.matchAll(TOKEN)) {
    const tag = match[1]
    if (tag === undefined) {
      handlers.text?.(decodeEntities(match[2] ?? ''))
      continue
    }
    if (tag.startsWith('!') || tag.startsWith('?')) continue
    if (tag.startsWith('/')) {
      handlers.close?.(localName(tag.slice(1).trim()))
      continue
    }
    const selfClosing = tag.endsWith('/')
    const body = selfClosing ? tag.slice(0, -1) : tag
    const space = body.search(/\s/)
    const name = localName(space === -1 ? body : body.slice(0, space))
    const attributes: Record<string, string> = {}
    if (space !== -1) {
      for (const a of body.slice(space).matchAll(ATTRIBUTE)) {
        attributes[localName(a[1] ?? '')] = decodeEntities(a[2] ?? a[3] ?? '')
      }
    }
    handlers.open?.(name, attributes, selfClosing)
    if (selfClosing) handlers.close?.(name)
  }
}

function localName(name: string): string {
  const colon = name.indexOf(':')
  return colon === -1 ? name : name.slice(colon + 1)
}

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10)
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return NAMED[ref] ?? whole
  })
}
