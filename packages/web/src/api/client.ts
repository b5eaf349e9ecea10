import { createApiClient } from './http-client.ts'

/** The page's one API client; the session provider gives it its CSRF token and hooks. */
export const api = createApiClient()
