// The presenter's notes view (a slide tool's presenter view): on the presenter's own screen, never on the beamer.
// It shows the step told now, the next one, the lesson's speaker notes with the objective they belong to, and a
// clock with the time since the talk began. It follows the presenter's window over the notes channel
// (notesChannel.ts) and reads nothing from the lab host itself.

import { useEffect, useState } from 'react'
import type { Language } from '../../../shared/i18n/format'
import { translator } from '../i18n/translate'
import { ToldText } from '../shell/ToldText'
import { CheckIcon, ClockIcon, PresenterIcon } from '../theme/icons'
import { followNotes, type NotesPort } from './notesChannel'
import type { NotesSnapshot } from './notesSnapshot'
import './notes.css'

const two = (n: number) => String(n).padStart(2, '0')

/** `h:mm:ss` (or `m:ss` under an hour) of a duration. */
export function elapsedText(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000))
  const h = Math.floor(s / 3600)
  return h > 0 ? `${h}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}` : `${Math.floor(s / 60)}:${two(s % 60)}`
}

export function NotesApp({ port, language }: { port: NotesPort | null; language: Language }) {
  const [snapshot, setSnapshot] = useState<NotesSnapshot | null>(null)
  const [now, setNow] = useState(() => Date.now())
  const [since, setSince] = useState(() => Date.now())
  useEffect(() => (port ? followNotes(port, setSnapshot) : undefined), [port])
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(id)
  }, [])
  const lang = snapshot?.lang ?? language
  const t = translator(lang)
  useEffect(() => {
    document.documentElement.lang = lang
    document.title = t('notes.title')
  }, [lang, t])
  const lesson = snapshot?.lesson ?? null
  // The note to say next: the first whose objective is not reached yet (opening notes count while nothing is).
  const upcoming = lesson ? lesson.notes.findIndex((n) => !n.done) : -1
  return (
    <main className="notes-view" data-testid="presenter-notes" aria-labelledby="notes-title">
      <header className="notes-head">
        <h1 id="notes-title">
          <PresenterIcon size={20} /> {t('notes.title')}
        </h1>
        <div className="notes-clock" role="timer" aria-label={t('notes.clock')}>
          <ClockIcon size={18} />
          <time className="notes-time">{new Date(now).toLocaleTimeString(lang === 'de' ? 'de-DE' : 'en-GB', { hour: '2-digit', minute: '2-digit' })}</time>
          <span className="notes-elapsed" title={t('notes.elapsedTitle')}>
            {t('notes.elapsed', { time: elapsedText(now - since) })}
          </span>
          <button type="button" className="text-button" onClick={() => setSince(Date.now())}>
            {t('notes.restart')}
          </button>
        </div>
      </header>
      {!port && <p className="note warn">{t('notes.noChannel')}</p>}
      {port && !snapshot && <p className="note">{t('notes.waiting')}</p>}
      {snapshot && (
        <>
          <p className={`notes-mode${snapshot.presenter ? '' : ' is-off'}`}>{snapshot.presenter ? t('notes.projectedOn') : t('notes.projectedOff')}</p>
          <div className="notes-steps">
            <section className="notes-now" aria-labelledby="notes-now-title">
              <h2 id="notes-now-title">
                {t('notes.now')} <span className="muted">{t('notes.position', { n: snapshot.position.n, total: snapshot.position.total })}</span>
              </h2>
              <p className="notes-sentence">{snapshot.now ? <ToldText text={snapshot.now.text} /> : t('notes.atStart')}</p>
            </section>
            <section className="notes-next" aria-labelledby="notes-next-title">
              <h2 id="notes-next-title">{t('notes.next')}</h2>
              {lesson?.nextCommand && <p className="notes-command">{lesson.nextCommand}</p>}
              <p className="notes-sentence">{snapshot.next ? <ToldText text={snapshot.next.text} /> : t('notes.atEnd')}</p>
            </section>
          </div>
          <section className="notes-lesson" aria-labelledby="notes-lesson-title">
            {lesson ? (
              <>
                <h2 id="notes-lesson-title">
                  {lesson.title} <span className="muted">{t('notes.script', { n: lesson.script.n, total: lesson.script.total })}</span>
                </h2>
                <ol className="notes-list">
                  {lesson.notes.map((n, i) => (
                    <li key={i} className={`${n.done ? 'is-done' : ''}${i === upcoming ? ' is-upcoming' : ''}`} aria-current={i === upcoming ? 'step' : undefined}>
                      <span className="notes-objective">
                        {n.done && <CheckIcon size={14} />}
                        {n.objective ?? t('notes.opening')}
                        {n.done && <span className="sr-only"> ({t('lesson.done')})</span>}
                      </span>
                      <span className="notes-text">{n.text}</span>
                    </li>
                  ))}
                </ol>
                {lesson.notes.length === 0 && <p className="note">{t('notes.noNotes')}</p>}
              </>
            ) : (
              <>
                <h2 id="notes-lesson-title">{t('notes.notes')}</h2>
                <p className="note">{t('notes.noLesson')}</p>
              </>
            )}
          </section>
        </>
      )}
    </main>
  )
}
