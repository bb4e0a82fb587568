import { hasApplicableFix, type Diagnostic } from '../core/diagnostic.js';
import type { LintOutcome } from '../core/lint.js';
import { applyFixes, type Fix } from './apply.js';
import { appendAll } from '../core/append.js';
import { parseAsBuilder } from '../recipe/builder-yaml.js';

/** ESLint's limit: fixes that keep producing new fixes stop here. */
export const MAX_FIX_PASSES = 10;

export type Relint = (text: string) => Promise<LintOutcome>;

export interface FixedText {
  /** The text after every pass (the input when nothing was fixed). */
  text: string;
  /** The lint outcome of `text`. */
  outcome: LintOutcome;
  /** The diagnostics whose fixes were applied, over all passes. */
  fixed: Diagnostic[];
  passes: number;
  /** Why nothing was fixed although fixes were offered, or why fixing stopped early. */
  stopped?: 'syntax-errors' | 'pass-limit';
}

export interface FixOptions {
  /** Also apply the unsafe fixes (`--unsafe-fixes`); by default only the safe ones are. */
  unsafeFixes?: boolean;
}

/** The one rule whose fixes apply to a file with YAML syntax errors: they repair the YAML itself. */
const SYNTAX_RULE = 'yaml/syntax';

/**
 * Applies the offered fixes (the safe ones, or all with `unsafeFixes`) in passes until none is left or none applies, re-linting after each pass. Of a file with
 * YAML syntax errors, in any of its documents, only the fixes of yaml/syntax are applied (the other rules' offsets
 * would rest on a misread recipe); a pass whose fixes together would add YAML errors is retried one fix at a time,
 * and a fix that adds YAML errors on its own is dropped.
 */
export async function fixText(text: string, relint: Relint, first?: LintOutcome, { unsafeFixes = false }: FixOptions = {}): Promise<FixedText> {
  let outcome = first ?? (await relint(text));
  const fixed: Diagnostic[] = [];
  if (!hasFixes(outcome, unsafeFixes)) return { text, outcome, fixed, passes: 0 };
  if (usableFixes(outcome, unsafeFixes).length === 0) return { text, outcome, fixed, passes: 0, stopped: 'syntax-errors' };

  let passes = 0;
  while (hasFixes(outcome, unsafeFixes)) {
    if (passes === MAX_FIX_PASSES) return { text, outcome, fixed, passes, stopped: 'pass-limit' };
    const offered = usableFixes(outcome, unsafeFixes);
    if (offered.length === 0) break;
    const step = passWithoutNewYamlErrors(text, offered);
    if (step.text === text) break;
    passes++;
    text = step.text;
    appendAll(fixed, step.fixed);
    outcome = await relint(text);
  }
  return { text, outcome, fixed, passes };
}

function usableFixes(outcome: LintOutcome, unsafeFixes: boolean): Diagnostic[] {
  const broken = outcome.recipe?.hasSyntaxErrors !== false || hasSyntaxErrorsAfterTheRecipe(outcome);
  return outcome.result.diagnostics.filter((d) => hasApplicableFix(d, unsafeFixes) && (!broken || d.ruleId === SYNTAX_RULE));
}

/** A later YAML document with a syntax error: the file does not parse as a whole, as one with a broken recipe. */
function hasSyntaxErrorsAfterTheRecipe(outcome: LintOutcome): boolean {
  const later = outcome.recipe?.documents.slice(1) ?? [];
  return later.some((document) => document.errors.some((error) => error.code !== 'DUPLICATE_KEY'));
}

function hasFixes(outcome: LintOutcome, unsafeFixes: boolean): boolean {
  return outcome.result.diagnostics.some((d) => hasApplicableFix(d, unsafeFixes));
}

function passWithoutNewYamlErrors(text: string, offered: Diagnostic[]): { text: string; fixed: Diagnostic[] } {
  const together = applyFixes(text, offered.map((d) => d.fix as Fix));
  const baseline = yamlErrorCount(text);
  if (yamlErrorCount(together.text) <= baseline) return { text: together.text, fixed: together.applied.map((i) => offered[i]!) };

  let current = text;
  const fixed: Diagnostic[] = [];
  for (const diagnostic of offered) {
    // Offsets refer to the original text, so each candidate is tried alone on it and kept only if it still combines.
    const candidate = [...fixed, diagnostic];
    const attempt = applyFixes(text, candidate.map((d) => d.fix as Fix));
    if (attempt.applied.length !== candidate.length || yamlErrorCount(attempt.text) > baseline) continue;
    fixed.push(diagnostic);
    current = attempt.text;
  }
  return { text: current, fixed };
}

/**
 * Errors of every YAML document in the text, duplicate keys included: a fix must never add one. They are counted as YAML
 * reads the text, a lone carriage return as a line break (see `yaml/line-break`): the fix that ends such lines with a
 * line feed shows what was behind them, and adds nothing.
 */
function yamlErrorCount(text: string): number {
  return parseAsBuilder(text.replace(/\r(?!\n)/g, '\n'), { prettyErrors: false }).reduce((count, document) => count + document.errors.length, 0);
}
