/**
 * `lib0/logging` for the panel's build (aliased in vite.config.ts). Lib0's own module carries a
 * VConsole that pulls lib0/dom and lib0/schema (~3 KiB gzip) into the session chunk, though Yjs
 * only calls `print` and `warn` with plain text and colour marks. Here the marks are dropped
 * and the text goes to the console as before, uncoloured. Anything else Yjs starts to import
 * from lib0/logging fails the build, so the shim cannot drift silently.
 */
export const BOLD = Symbol('bold');
export const UNBOLD = Symbol('unbold');
export const BLUE = Symbol('blue');
export const GREY = Symbol('grey');
export const GREEN = Symbol('green');
export const RED = Symbol('red');
export const PURPLE = Symbol('purple');
export const ORANGE = Symbol('orange');
export const UNCOLOR = Symbol('uncolor');

type Arg = string | symbol | object | number | undefined;

const withoutMarks = (args: Arg[]): unknown[] => args.filter((a) => typeof a !== 'symbol');

export const print = (...args: Arg[]): void => console.log(...withoutMarks(args));
export const warn = (...args: Arg[]): void => console.warn(...withoutMarks(args));
export const printError = (err: Error): void => console.error(err);
