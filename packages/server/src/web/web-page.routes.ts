import fastifyStatic from '@fastify/static'
import type { FastifyPluginAsync, FastifyReply } from 'fastify'
import type { WebPage } from './web-page.ts'
import { WEB_PAGE_CSP } from './web-page.ts'

export type WebPageOptions = { page: WebPage | null }

/** Sends the page's index.html: every client-side path of the page starts here. */
export function sendWebPage(reply: FastifyReply, page: WebPage): FastifyReply {
  return reply
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('content-security-policy', WEB_PAGE_CSP)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .send(page.indexHtml)
}

/** The page's hashed assets (immutable); without a built page every asset is a 404. */
export const webPageRoutes: FastifyPluginAsync<WebPageOptions> = async (app, options) => {
  const page = options.page
  if (page !== null) {
    await app.register(fastifyStatic, { root: page.root, serve: false, index: false, dotfiles: 'deny' })
  }
  app.get<{ Params: { '*': string } }>(
    '/assets/*',
    { config: { access: { public: true } } },
    async (request, reply) => {
      if (page === null) return reply.callNotFound()
      // Hashed names: a changed file is a new name, so a year and immutable (send's own header).
      return reply
        .header('x-content-type-options', 'nosniff')
        .sendFile(`assets/${request.params['*']}`, { maxAge: 31_536_000_000, immutable: true })
    },
  )
}
