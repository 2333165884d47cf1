// Files: a new lab (optionally seeded), open and save (.kflab through the host: the desktop's file dialogs, or in a
// browser an upload and a download), the event log as Markdown or JSON, and the graph as a PNG.

import { useRef, useState } from 'react'
import { useLabActions } from '../hooks/useLabActions'
import { useLabStoreApi } from '../hooks/useLabStoreApi'
import { useLanguage } from '../hooks/useLanguage'
import { useT } from '../hooks/useT'
import { useUi } from '../hooks/useUi'
import { FolderIcon, ChevronIcon } from '../theme/icons'
import { Modal } from '../ui/Modal'
import { MenuItem, Popover } from '../ui/Popover'
import { downloadBlob, downloadText } from './download'
import { downloadLab } from './downloadLab'
import { graphPane, graphPng } from './exportGraph'
import { useLabStore } from '../hooks/useLabStore'
import { logJson, logMarkdown } from './exportLog'
import { isDesktop } from '../api/getLabApi'
import { failureNotice } from '../store/errorNotice'

export function FileMenu() {
  const t = useT()
  const lang = useLanguage()
  const a = useLabActions()
  const store = useLabStoreApi()
  const input = useRef<HTMLInputElement>(null)
  const desktop = isDesktop()
  const graphShown = useLabStore((s) => s.settings.view === 'graph')
  // Only hosts that can share (the test host with --follow-along, the desktop app) report a sharing status.
  const canShare = useLabStore((s) => s.sharing !== null)

  const exportGraph = async () => {
    const pane = graphPane()
    if (!pane) return
    const name = `${(store.getState().timeline?.file.name ?? 'lab').replace(/\.kflab$/, '')}-graph.png`
    // The legend belongs in the picture even when folded away on screen.
    const folded = !store.getState().settings.legend
    if (folded) {
      a.setSettings({ legend: true })
      await new Promise((resolve) => requestAnimationFrame(resolve))
    }
    try {
      const t0 = store.getState().timeline
      const step = t('timeline.position', { seq: t0?.cursor ?? 0, end: t0 ? (t0.events.at(-1)?.seq ?? t0.baseSeq) : 0 })
      downloadBlob(name, await graphPng(pane, step))
      a.notify({ kind: 'ok', key: 'file.downloaded', params: { name } })
    } catch (e) {
      a.notify(failureNotice('file.graphFailed', e))
    } finally {
      if (folded) a.setSettings({ legend: false })
    }
  }

  const exportLog = async (kind: 'md' | 'json') => {
    // The whole history, not only the loaded window.
    while (await a.loadEarlier()) {
      /* keep loading */
    }
    const t0 = store.getState().timeline
    if (!t0) return
    const input = { labName: t0.file.name, seed: t0.seed, commands: t0.commands, events: t0.events, lang }
    const base = t0.file.name.replace(/\.kflab$/, '')
    if (kind === 'md') downloadText(`${base}-log.md`, logMarkdown(input), 'text/markdown')
    else downloadText(`${base}-log.json`, logJson(input), 'application/json')
  }

  return (
    <>
      <Popover
        className="file-menu"
        label={
          <>
            <FolderIcon size={16} />
            <span>{t('file.menu')}</span>
            <ChevronIcon size={12} />
          </>
        }
        ariaLabel={t('file.menu')}
      >
        {(close) => (
          <>
            <MenuItem
              onSelect={() => {
                close()
                a.setNewLabOpen(true)
              }}
            >
              {t('file.new')}
            </MenuItem>
            <MenuItem
              onSelect={() => {
                close()
                if (desktop) void a.openLab().then((f) => f && a.notify({ kind: 'ok', key: 'file.opened', params: { name: f.name } }))
                else input.current?.click()
              }}
            >
              {t('file.open')}
            </MenuItem>
            <MenuItem
              onSelect={() => {
                close()
                if (desktop) void a.saveLab().then((f) => f && a.notify({ kind: 'ok', key: 'file.saved', params: { name: f.name } }))
                else void downloadLab(a, store.getState)
              }}
            >
              {t('file.save')}
            </MenuItem>
            <MenuItem
              onSelect={() => {
                close()
                void exportLog('md')
              }}
            >
              {t('file.exportMarkdown')}
            </MenuItem>
            <MenuItem
              onSelect={() => {
                close()
                void exportLog('json')
              }}
            >
              {t('file.exportJson')}
            </MenuItem>
            <MenuItem
              disabled={!graphShown}
              title={graphShown ? undefined : t('file.exportGraphNeedsGraph')}
              hint={graphShown ? undefined : t('file.exportGraphNeedsGraph')}
              onSelect={() => {
                close()
                void exportGraph()
              }}
            >
              {t('file.exportGraph')}
            </MenuItem>
            {canShare && (
              <MenuItem
                onSelect={() => {
                  close()
                  a.setSharePanel(true)
                }}
              >
                {t('share.menu')}
              </MenuItem>
            )}
          </>
        )}
      </Popover>
      <input
        ref={input}
        type="file"
        accept=".kflab,application/json"
        hidden
        aria-label={t('file.chooseFile')}
        onChange={async (e) => {
          const file = e.target.files?.[0]
          e.target.value = ''
          if (!file) return
          const info = await a.importLab(file, file.name)
          if (info) a.notify({ kind: 'ok', key: 'file.opened', params: { name: file.name } })
        }}
      />
      <NewLabDialog />
    </>
  )
}

function NewLabDialog() {
  const t = useT()
  const { newLab: open } = useUi()
  const a = useLabActions()
  const [seed, setSeed] = useState('')
  if (!open) return null
  const valid = seed === '' || /^\d{1,15}$/.test(seed)
  return (
    <Modal title={t('file.newTitle')} onClose={() => a.setNewLabOpen(false)}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (!valid) return
          a.setNewLabOpen(false)
          void a.newLab(seed === '' ? null : Number(seed))
        }}
      >
        <div className="form-row">
          <label htmlFor="new-lab-seed">{t('file.seed')}</label>
          <input id="new-lab-seed" inputMode="numeric" value={seed} onChange={(e) => setSeed(e.target.value.trim())} autoComplete="off" />
        </div>
        <div className="form-actions">
          <button type="button" className="button secondary" onClick={() => a.setNewLabOpen(false)}>
            {t('actions.cancel')}
          </button>
          <button type="submit" className="button primary" disabled={!valid}>
            {t('file.create')}
          </button>
        </div>
      </form>
    </Modal>
  )
}
