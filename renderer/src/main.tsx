// The window's entry: find the way to the lab host, create the window's store and render.

import { StrictMode } from 'react'
import type { LabApi } from '../../shared/api/contract'
import { createRoot } from 'react-dom/client'
import { getLabApi } from './api/getLabApi'
import { App } from './App'
import { NoHostMessage } from './components/NoHostMessage'
import { LabStoreProvider } from './store/LabStoreProvider'
import './styles.css'

const root = createRoot(document.getElementById('root')!)

let api: LabApi | null = null
try {
  api = getLabApi()
} catch (e) {
  root.render(<NoHostMessage message={e instanceof Error ? e.message : String(e)} />)
}
if (api) {
  root.render(
    <StrictMode>
      <LabStoreProvider api={api}>
        <App />
      </LabStoreProvider>
    </StrictMode>
  )
}
