// What a promise was rejected with, checked to be an instance of `kind` (a test of a refusal reads its details).

import { expect } from 'vitest'

export async function rejectionOf<E>(work: Promise<unknown>, kind: abstract new (...args: never[]) => E): Promise<E> {
  const outcome = await work.then(
    () => undefined,
    (error: unknown) => error
  )
  expect(outcome).toBeInstanceOf(kind)
  return outcome as E
}
