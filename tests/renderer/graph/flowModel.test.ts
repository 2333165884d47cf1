import { describe, expect, it } from 'vitest'
import type { EntityViews } from '../../../shared/api/contract'
import { existenceKey, flowNodes, graphInputs } from '../../../renderer/src/graph/flowModel'
import { layoutTopology } from '../../../renderer/src/graph/layout'
import { fitViewport, MAX_ZOOM, needsRefit, PADDING, PRESENTER_FIT, REFLOW_SLACK } from '../../../renderer/src/graph/viewport'
import { tokenVisual } from '../../../renderer/src/graph/tokens/tokenVisual'

const vm = { kind: 'vm', name: 'web', host: 'esx-01' }
const live: EntityViews = {
  lab: { order: ['vcenter', 'kms:kms-1', 'datastore:ds-a', 'host:esx-01', 'vm:web'] },
  vcenter: { kind: 'vcenter', name: 'vcsa', persisted: { providers: { kp: { trust: { mode: null } } } } },
  'kms:kms-1': { kind: 'kms', name: 'kms-1', provider: 'kp' },
  'datastore:ds-a': { kind: 'datastore', name: 'ds-a', cluster: 'a' },
  'host:esx-01': { kind: 'host', name: 'esx-01', cluster: 'a' },
  'vm:web': vm
}
const early: EntityViews = { lab: live.lab, vcenter: live.vcenter, 'kms:kms-1': live['kms:kms-1'] }

describe('what React Flow draws', () => {
  it('places every live component but draws only those that exist at the cursor', () => {
    const inputs = graphInputs(live, early)
    const layout = layoutTopology(inputs.components, inputs.providers)
    const ids = flowNodes(layout, early, inputs.components).map((n) => n.id)
    expect(ids).toEqual(['provider:kp', 'vcenter', 'kms:kms-1'])
    const all = flowNodes(layout, live, inputs.components)
    expect(all.map((n) => n.id)).toEqual(['provider:kp', 'cluster:a', 'vcenter', 'kms:kms-1', 'datastore:ds-a', 'host:esx-01', 'vm:web'])
    // the same place at both moments
    expect(all.find((n) => n.id === 'kms:kms-1')?.position).toEqual(flowNodes(layout, early, inputs.components).find((n) => n.id === 'kms:kms-1')?.position)
    expect(all.find((n) => n.id === 'cluster:a')).toMatchObject({ type: 'labGroup', selectable: false, zIndex: -2 })
  })

  it('changes its structural keys only when the structure changes, not with every state change', () => {
    const a = graphInputs(live, live)
    const powered = { ...live, 'vm:web': { ...vm, power: 'poweredOn' } }
    expect(graphInputs(powered, powered).key).toBe(a.key)
    const moved = { ...live, 'host:esx-02': { kind: 'host', name: 'esx-02', cluster: 'a' }, 'vm:web': { ...vm, host: 'esx-02' } }
    expect(graphInputs(moved, moved).key).not.toBe(a.key)
    expect(existenceKey(early, a.components)).toBe('11000')
  })

  it('tells a Native Key Provider from a KMS provider, so the layout gives it no KMS slot', () => {
    const withNative: EntityViews = { ...live, vcenter: { kind: 'vcenter', name: 'vcsa', persisted: { providers: { kp: { trust: { mode: null } }, nkp: { type: 'native' } } } } }
    const inputs = graphInputs(withNative, withNative)
    expect(inputs.providers).toEqual([
      { name: 'kp', native: false },
      { name: 'nkp', native: true }
    ])
    expect(inputs.key).not.toBe(graphInputs(live, live).key)
  })

  it('fits a layout into a pane, never beyond the largest zoom', () => {
    const v = fitViewport({ x: 0, y: 0, width: 1000, height: 500 }, 500, 500)
    expect(v.zoom).toBeCloseTo(500 / (1000 * (1 + 2 * PADDING)))
    // centred
    expect(v.x + 500 * v.zoom).toBeCloseTo(250)
    expect(fitViewport({ x: 0, y: 0, width: 10, height: 10 }, 800, 600).zoom).toBe(MAX_ZOOM)
    expect(fitViewport({ x: 0, y: 0, width: 0, height: 0 }, 800, 600)).toEqual({ x: 0, y: 0, zoom: 1 })
  })

  it('fits closer and larger on a beamer: a thinner margin, up to 2×', () => {
    const lab = { x: 0, y: 0, width: 1000, height: 400 }
    expect(fitViewport(lab, 1920, 900, PRESENTER_FIT).zoom).toBeCloseTo(1920 / 1060)
    expect(fitViewport(lab, 1920, 900, PRESENTER_FIT).zoom).toBeGreaterThan(fitViewport(lab, 1920, 900).zoom)
    expect(fitViewport({ x: 0, y: 0, width: 10, height: 10 }, 1920, 900, PRESENTER_FIT).zoom).toBe(2)
  })

  it('fits again when the pane changes width, or height by more than a narration line', () => {
    const pane = { width: 1280, height: 500 }
    expect(needsRefit(pane, { width: 1920, height: 500 })).toBe(true)
    expect(needsRefit(pane, { width: 1280, height: 500 + REFLOW_SLACK + 1 })).toBe(true)
    expect(needsRefit(pane, { width: 1280, height: 500 - REFLOW_SLACK })).toBe(false)
    expect(needsRefit(pane, pane)).toBe(false)
  })

  it('dresses a token in the keys it carries, or in its payload when none', () => {
    const message = { id: 'kmip.req.other' as const, params: {} }
    expect(tokenVisual({ keys: [{ keyType: 'kek', form: 'material' }], payload: { kind: 'kmip' }, message })).toMatchObject({ tone: 'kek', payload: null })
    expect(tokenVisual({ keys: [], payload: { kind: 'disk', encrypted: true }, message })).toEqual({
      keys: [],
      payload: { kind: 'disk', encrypted: true },
      tone: 'neutral',
      refused: false,
      psod: false
    })
  })

  it('marks a refused connection red and a host crash as its purple screen', () => {
    const refused = tokenVisual({ keys: [], payload: null, message: { id: 'tls.refused', params: { kms: 'kms-1' } } })
    expect(refused).toMatchObject({ refused: true, tone: 'refused', psod: false })
    expect(tokenVisual({ keys: [], payload: null, message: { id: 'kmip.res.failed', params: {} } }).refused).toBe(true)
    expect(tokenVisual({ keys: [], payload: null, message: { id: 'host.psod', params: { host: 'esx-01' } } })).toMatchObject({ psod: true, refused: false })
  })
})
