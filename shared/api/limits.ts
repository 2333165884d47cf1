// Limits of the window's contract, apart from contract.ts so the window can use them without loading the argument
// validation (zod) into its bundle.

/** Most events one `getHistory` call returns. */
export const MAX_HISTORY_PAGE = 5000
