import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The server serves dist/ (packages/server/src/web); in development `vite` proxies the API to it.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    sourcemap: false,
    chunkSizeWarningLimit: 4096,
    // One file: @hpke/core's Node fallback (a dynamic import of 'crypto', never taken in a browser)
    // would otherwise become a chunk that imports the main one back.
    rolldownOptions: { output: { inlineDynamicImports: true } },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080', '/health': 'http://127.0.0.1:8080' } },
})
