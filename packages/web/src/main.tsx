import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import 'smarthr-ui/smarthr-ui.css'
import { createTheme, IntlProvider, ThemeProvider } from 'smarthr-ui'
import { App } from './app.tsx'
import { SessionProvider } from './session/session-context.tsx'

const theme = createTheme()
const root = document.getElementById('root')
if (root === null) throw new Error('#root is missing from index.html')
createRoot(root).render(
  <StrictMode>
    <ThemeProvider theme={theme}>
      <IntlProvider locale="ja">
        <SessionProvider>
          <App />
        </SessionProvider>
      </IntlProvider>
    </ThemeProvider>
  </StrictMode>,
)
