export async function kmsServe(args: string[]): Promise<number> { throw new Error('kms serve is not built yet: ' + args.join(' ')) }
