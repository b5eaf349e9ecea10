import type { FastifyRequest } from 'fastify'
import type { Actor } from '../access/access.ts'
import { ServerError } from '../errors.ts'

/** Who acts and for which request: every operation on clients and people takes it. */
export type OperationContext = {
  actor: Actor
  requestId: string
}

/** The signed-in actor of a request (set by the session hook); none is UNAUTHENTICATED. */
export function contextOf(request: FastifyRequest): OperationContext {
  const actor = request.actor
  if (actor === null) {
    throw new ServerError({
      code: 'UNAUTHENTICATED',
      message: 'no signed-in actor on the request',
      messageJa: 'サインインしてください。',
    })
  }
  return { actor, requestId: request.id }
}
