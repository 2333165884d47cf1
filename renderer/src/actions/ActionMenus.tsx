// The toolbar: one menu per group of commands (KMS, key provider, vCenter, host, VM, time). Each item says
// whether the core would run it now — for the selected component if it fits, else for the first one it accepts —
// and why not when it would refuse. Choosing an item opens its form, prefilled.

import { useMemo } from 'react'
import type { CommandOp, LabCommand } from '../../../shared/lab/commands/schema'
import { useCommandChecks } from '../hooks/useCommandChecks'
import { useLabActions } from '../hooks/useLabActions'
import { useLabFacts } from '../hooks/useLabFacts'
import { useLanguage } from '../hooks/useLanguage'
import { useSelectedTarget } from '../hooks/useSelectedTarget'
import { useT } from '../hooks/useT'
import { MenuItem, Popover } from '../ui/Popover'
import { ChevronIcon, kindIcons, ClockIcon } from '../theme/icons'
import { unavailableText } from './availability'
import { GROUPS, OPS, candidates, opsOfGroup, type ActionGroup } from './catalog'
import { ToldText } from '../shell/ToldText'

function GroupItems({ group, close }: { group: ActionGroup; close: () => void }) {
  const t = useT()
  const lang = useLanguage()
  const facts = useLabFacts()
  const target = useSelectedTarget()
  const { openDialog } = useLabActions()
  const ops = opsOfGroup(group)
  const perOp = useMemo(() => ops.map((o) => ({ op: o.op, commands: candidates(o.op, facts, target) })), [ops, facts, target])
  const all = useMemo(() => perOp.flatMap((p) => p.commands), [perOp])
  const checks = useCommandChecks(all)
  let i = 0
  return (
    <>
      {perOp.map(({ op, commands }) => {
        const mine = commands.map((c) => ({ c, check: checks[i++] }))
        const ok = mine.find((m) => m.check?.known && m.check.result === null)
        const pending = mine.some((m) => !m.check?.known)
        const refusal = !ok && !pending ? mine[0]?.check?.result : null
        const unavailable = unavailableText(OPS[op], facts, refusal, lang)
        const chosen: LabCommand = (ok ?? mine[0]).c
        const { op: _op, ...args } = chosen as LabCommand & Record<string, unknown>
        void _op
        return (
          <MenuItem
            key={op}
            disabled={!!unavailable}
            busy={!unavailable && pending}
            onSelect={() => {
              close()
              openDialog(op as CommandOp, args)
            }}
            title={unavailable ?? undefined}
            hint={unavailable ? <ToldText text={unavailable} /> : undefined}
            className={`op-${op.replace('.', '-')}`}
          >
            {t(`op.${op}`)}
          </MenuItem>
        )
      })}
    </>
  )
}

const groupIcon = { kms: kindIcons.kms, vcenter: kindIcons.vcenter, host: kindIcons.host, vm: kindIcons.vm, lab: ClockIcon }

export function ActionMenus() {
  const t = useT()
  return (
    <nav className="action-menus" aria-label={t('actions.toolbar')}>
      {GROUPS.map((g) => {
        const Icon = groupIcon[g]
        return (
          <Popover
            key={g}
            className={`group-menu group-${g}`}
            label={
              <>
                <Icon size={16} />
                <span>{t(`actions.group.${g}`)}</span>
                <ChevronIcon size={12} />
              </>
            }
            ariaLabel={t(`actions.group.${g}`)}
          >
            {(close) => <GroupItems group={g} close={close} />}
          </Popover>
        )
      })}
    </nav>
  )
}
