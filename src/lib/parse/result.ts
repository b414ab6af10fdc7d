/** Outcome of parsing one cell: the value, or the reason in plain Vietnamese. */
export type Parsed<T> = {ok: true; value: T} | {ok: false; reason: string};

export const ok = <T>(value: T): Parsed<T> => ({ok: true, value});
export const fail = (reason: string): Parsed<never> => ({ok: false, reason});
