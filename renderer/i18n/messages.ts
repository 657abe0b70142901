import type { nb } from './nb';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape every language must fill: the keys of the bokmål original, each a string. */
export type Messages = Widen<typeof nb>;
