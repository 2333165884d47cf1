// One core dump in /var/core: its clear-text header, the envelope it carries (which host key wraps the one-time
// key), or — on a host that was not crypto safe — the host's memory in clear. crypto-util runs on the host, with
// the host key from its key cache; its output appears here.

import { useMemo } from 'react'
import type { EventView } from '../../../shared/api/contract'
import { readEnvelope } from '../../../shared/crypto/envelope'
import type { BytesView } from '../../../shared/lab/view'
import { cryptoUtilArgs } from '../actions/catalog'
import { useCommandChecks } from '../hooks/useCommandChecks'
import { useIsRunning } from '../hooks/useIsRunning'
import { useLabActions } from '../hooks/useLabActions'
import { useLabStore } from '../hooks/useLabStore'
import { useLiveFile } from '../hooks/useLiveFile'
import { useT } from '../hooks/useT'
import { formatMessage } from '../../../shared/i18n/format'
import { useLanguage } from '../hooks/useLanguage'
import { viewOfKind } from '../../../shared/lab/readView'
import { downloadBytes } from '../files/download'
import { CrashIcon, ShieldIcon, WarningIcon } from '../theme/icons'
import { bytesOfHex, headerFields, leadingText } from './hex'
import { HexView } from './HexView'
import { KeyId } from './KeyId'

const NO_EVENTS: EventView[] = []

export function CoreDumpView({ hostId, hostName, name, data }: { hostId: string; hostName: string; name: string; data: BytesView }) {
  const t = useT()
  const lang = useLanguage()
  const running = useIsRunning()
  const { runCommand } = useLabActions()
  const path = `/var/core/${name}`
  const preview = useMemo(() => bytesOfHex(data.hex), [data.hex])
  const header = useMemo(() => leadingText(preview), [preview])
  const fields = headerFields(header)
  const encrypted = fields.encrypted === 'yes'
  const offset = Number(fields.payloadOffset ?? 4096) || 4096
  const live = useLabStore((s) => viewOfKind(s.timeline?.live[hostId], 'host')?.persisted?.varCore?.[name] ?? null)
  const whole = useLiveFile(hostId, path, data, live)
  const envelope = useMemo(() => {
    if (!whole || !encrypted) return null
    try {
      return readEnvelope(whole.subarray(offset)).header
    } catch {
      return null
    }
  }, [whole, encrypted, offset])
  const plainBody = useMemo(() => (whole && !encrypted ? leadingText(Array.from(whole.subarray(offset, offset + 1200))) : null), [whole, encrypted, offset])

  const describe = { op: 'host.cryptoUtil' as const, name: hostName, args: cryptoUtilArgs('describe', name, offset) }
  const extract = { op: 'host.cryptoUtil' as const, name: hostName, args: cryptoUtilArgs('extract', name, offset) }
  const [dCheck, eCheck] = useCommandChecks(encrypted ? [describe, extract] : [])
  // The latest crypto-util outputs for this dump, up to the step shown.
  const events = useLabStore((s) => s.timeline?.events ?? NO_EVENTS)
  const cursor = useLabStore((s) => s.timeline?.cursor ?? 0)
  const outputs = useMemo(
    () => events.filter((e) => e.seq <= cursor && e.kind === 'cryptoUtil' && e.from === hostId && typeof e.message.params.args === 'string' && String(e.message.params.args).includes(path)).slice(-2),
    [events, cursor, hostId, path]
  )

  return (
    <div className={`core-dump${encrypted ? ' is-encrypted' : ' is-plain'}`} data-dump={name}>
      <h4>
        <CrashIcon size={15} />
        <code>{path}</code>
        <span className="muted">{t('payload.bytes', { n: data.size })}</span>
        {encrypted ? (
          <span className="badge badge-good">
            <ShieldIcon size={12} />
            {t('payload.encrypted')}
          </span>
        ) : (
          <span className="badge badge-bad">
            <WarningIcon size={12} />
            {t('payload.clear')}
          </span>
        )}
      </h4>
      <p className="subhead">{t('inspector.dumpHeader')}</p>
      <pre tabIndex={0} className="text-block">{header.trim()}</pre>
      {encrypted ? (
        <>
          <p className="subhead">{t('inspector.envelope')}</p>
          <p className="note">{t('inspector.envelopeHint')}</p>
          {envelope && (
            <dl className="fields">
              <div className="field-row">
                <dt>{t('inspector.envelopeKeyId')}</dt>
                <dd>
                  <KeyId id={envelope.keyId} />
                </dd>
              </div>
              <div className="field-row">
                <dt>{t('inspector.envelopeKeyWrap')}</dt>
                <dd>{envelope.keyWrap}</dd>
              </div>
              <div className="field-row">
                <dt>{t('inspector.envelopeCipher')}</dt>
                <dd>
                  {envelope.cipher}, {t('inspector.envelopeNonce')} <code>{envelope.nonce}</code>
                </dd>
              </div>
              <div className="field-row">
                <dt>{t('inspector.envelopeContent')}</dt>
                <dd>{envelope.content}</dd>
              </div>
            </dl>
          )}
          <div className="button-row">
            {[
              { label: t('inspector.describe'), cmd: describe, check: dCheck },
              { label: t('inspector.extract'), cmd: extract, check: eCheck }
            ].map(({ label, cmd, check }) => (
              <span key={label} className="with-reason">
                <button type="button" className="button" disabled={running || !!check?.result} onClick={() => void runCommand(cmd)}>
                  {label}
                </button>
                {check?.result && <span className="reason">{formatMessage(check.result.message, lang)}</span>}
              </span>
            ))}
            {whole && (
              <button type="button" className="text-button" onClick={() => downloadBytes(`${hostName}-${name}`, whole)}>
                {t('inspector.download')}
              </button>
            )}
          </div>
        </>
      ) : (
        <>
          <p className="note warn">{t('inspector.plainDump')}</p>
          {plainBody && <pre tabIndex={0} className="text-block leak">{plainBody}</pre>}
          {!plainBody && <HexView bytes={preview.slice(0, 64)} label={name} />}
        </>
      )}
      {outputs.map((e) => (
        <div key={e.seq} className="crypto-util-output" data-seq={e.seq}>
          <p className="subhead">{t('inspector.cryptoUtilOutput', { seq: e.seq })}</p>
          <p className="note">{formatMessage(e.message, lang)}</p>
          {e.detail && <pre tabIndex={0} className="text-block">{e.detail.join('\n')}</pre>}
        </div>
      ))}
    </div>
  )
}
