// One event: the lab's plain explanation, what travelled (which key, as material, ID or wrapped; which payload),
// the crypto-util output or other detail, and for KMIP the message as tree and bytes. From here the lab can be
// rewound to this step (undo), or the step marked as a checkpoint.

import type { EventView } from '../../../shared/api/contract'
import { formatMessage } from '../../../shared/i18n/format'
import { KeyGlyph, PayloadGlyph } from '../graph/tokens/KeyGlyph'
import { useIsViewer } from '../hooks/useFollow'
import { useLabActions } from '../hooks/useLabActions'
import { useLabStore } from '../hooks/useLabStore'
import { useLanguage } from '../hooks/useLanguage'
import { useLiveEnd } from '../hooks/useLiveEnd'
import { useT } from '../hooks/useT'
import { useComponentName } from '../hooks/useComponentName'
import { FlagIcon, UndoIcon } from '../theme/icons'
import { KeyId } from './KeyId'
import { KmipView } from './KmipView'

export function EventInspector({ event }: { event: EventView }) {
  const t = useT()
  const viewer = useIsViewer()
  const lang = useLanguage()
  const a = useLabActions()
  const end = useLiveEnd()
  const from = useComponentName(event.from)
  const to = useComponentName(event.to)
  const command = useLabStore((s) => s.timeline?.commands[event.command])
  const local = event.from === event.to
  return (
    <article className="event-inspector" data-seq={event.seq}>
      <p className="event-sentence">{formatMessage(event.message, lang)}</p>
      <dl className="fields">
        <div className="field-row">
          <dt>{t('event.seq', { seq: event.seq })}</dt>
          <dd>
            {t(`eventKind.${event.kind}`)} · {local ? t('event.local', { a: from }) : t('event.from', { a: from, b: to })}
          </dd>
        </div>
        {command && (
          <div className="field-row">
            <dt>{t('timeline.command', { n: command.index + 1 })}</dt>
            <dd title={command.command.op}>{t(`op.${command.command.op}`)}</dd>
          </div>
        )}
        <div className="field-row">
          <dt>{t('event.time')}</dt>
          <dd>{new Date(event.time * 1000).toISOString().replace('T', ' ').slice(0, 19)}</dd>
        </div>
      </dl>
      <h3>{t('event.travelled')}</h3>
      {event.keys.length === 0 && !event.payload && <p className="muted">{t('event.nothing', { name: from })}</p>}
      <ul className="travel-list">
        {event.keys.map((k, i) => (
          <li key={i}>
            <KeyGlyph keyType={k.keyType} form={k.form} wrappedBy={k.wrappedBy} size={20} />
            <span>
              <strong>{t(`key.${k.keyType}`)}</strong> — {k.form === 'wrapped' && k.wrappedBy ? t('form.wrapped', { by: t(`key.${k.wrappedBy}`) }) : t(`form.${k.form}`)}
              {k.keyId && (
                <>
                  {' '}
                  · <KeyId id={k.keyId} />
                </>
              )}
              {k.fingerprint && <span className="muted"> · {t('event.fingerprint', { fp: k.fingerprint.slice(0, 8) })}</span>}
            </span>
          </li>
        ))}
        {event.payload && (
          <li>
            <PayloadGlyph kind={event.payload.kind} encrypted={event.payload.encrypted} size={20} />
            <span>
              {t(`payload.${event.payload.kind}`)}
              {event.payload.bytes !== undefined && ` · ${t('payload.bytes', { n: event.payload.bytes })}`}
              {event.payload.encrypted !== undefined && ` · ${event.payload.encrypted ? t('payload.encrypted') : t('payload.clear')}`}
            </span>
          </li>
        )}
      </ul>
      {event.detail && event.detail.length > 0 && (
        <>
          <h3>{t('event.detail')}</h3>
          <pre tabIndex={0} className="text-block">{event.detail.join('\n')}</pre>
        </>
      )}
      {event.kmip && (
        <>
          <h3>
            {t('event.kmip', { operation: event.kmip.operation, direction: event.kmip.direction === 'request' ? t('event.kmipRequest') : t('event.kmipResponse') })}
            {event.kmip.ok !== undefined && <span className={`badge ${event.kmip.ok ? 'badge-good' : 'badge-bad'}`}>{event.kmip.ok ? t('event.kmipOk') : t('event.kmipFailed')}</span>}
          </h3>
          <KmipView hex={event.kmip.hex} />
        </>
      )}
      <div className="button-row">
        <button type="button" className="text-button" onClick={() => a.addCheckpoint(event.seq)}>
          <FlagIcon size={14} /> {t('timeline.checkpoint')}
        </button>
        {!viewer && (
        <button
          type="button"
          className="text-button danger"
          disabled={event.seq >= end}
          onClick={() => {
            if (window.confirm(t('timeline.rewindConfirm', { seq: event.seq }))) void a.rewindTo(event.seq)
          }}
        >
          <UndoIcon size={14} /> {t('timeline.rewind')}
        </button>
        )}
      </div>
    </article>
  )
}
