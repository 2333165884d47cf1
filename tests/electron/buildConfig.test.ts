import { describe, expect, it } from 'vitest'
import config from '../../electron.vite.config'

type Section = { build?: { outDir?: string; externalizeDeps?: unknown; rolldownOptions?: { input?: Record<string, string>; output?: { format?: string; entryFileNames?: string } } } }

describe('electron.vite.config', () => {
  const c = config as unknown as { main: Section; preload: Section; renderer: Section & { root?: string } }

  it('builds the sandboxed preload as one CommonJS file with its dependencies inside', () => {
    expect(c.preload.build?.rolldownOptions?.output?.format).toBe('cjs')
    expect(c.preload.build?.rolldownOptions?.output?.entryFileNames).toBe('[name].cjs')
    expect(c.preload.build?.externalizeDeps).toBe(false)
    expect(c.preload.build?.rolldownOptions?.input?.index).toMatch(/electron\/preload\.ts$/)
    expect(c.preload.build?.outDir).toMatch(/out\/preload$/)
  })

  it('uses the repo layout for main and renderer', () => {
    expect(c.main.build?.rolldownOptions?.input?.index).toMatch(/electron\/main\.ts$/)
    expect(c.main.build?.outDir).toMatch(/out\/main$/)
    expect(c.renderer.root).toMatch(/renderer$/)
    expect(c.renderer.build?.rolldownOptions?.input?.index).toMatch(/renderer\/index\.html$/)
    expect(c.renderer.build?.outDir).toMatch(/out\/renderer$/)
  })
})
