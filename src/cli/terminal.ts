/** What the terminal that a report is written to can show. */
export interface Terminal {
  color: boolean;
  /** OSC 8 hyperlinks. */
  hyperlinks: boolean;
  /** Columns of a line. */
  width: number;
}

export interface TerminalFacts {
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  /** The TTY's columns, when it knows them. */
  columns?: number | undefined;
  /** `--color` (true) or `--no-color` (false). */
  colorFlag?: boolean | undefined;
}

export const DEFAULT_WIDTH = 80;

/**
 * Colour: `--color`/`--no-color`, else `FORCE_COLOR` (`0` or `false` turns it off), else none with `NO_COLOR` or
 * `TERM=dumb`, else on a TTY. Hyperlinks: `FORCE_HYPERLINK` (`0` turns them off), else on a TTY that is not a CI log
 * or a dumb terminal. Width: the TTY's columns, else `COLUMNS`, else 80.
 */
export function terminalFor({ env, isTTY, columns, colorFlag }: TerminalFacts): Terminal {
  const dumb = env.TERM === 'dumb';
  return {
    color: colorFlag ?? forced(env.FORCE_COLOR) ?? (!env.NO_COLOR && !dumb && isTTY),
    hyperlinks: forced(env.FORCE_HYPERLINK) ?? (isTTY && !dumb && !env.CI),
    width: terminalWidth(isTTY ? columns : undefined, env),
  };
}

/** The width for a report: the TTY's columns, else `COLUMNS`, else 80. */
export function terminalWidth(columns: number | undefined, env: NodeJS.ProcessEnv): number {
  if (columns !== undefined && Number.isInteger(columns) && columns > 0) return columns;
  const fromEnv = Number(env.COLUMNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_WIDTH;
}

function forced(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  return !['0', 'false'].includes(value.trim().toLowerCase());
}
