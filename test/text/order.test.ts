import { describe, expect, it } from 'vitest';
import { compareDiagnostics, type Diagnostic } from '../../src/core/diagnostic.js';
import { codeUnitOrder } from '../../src/text/order.js';

const at = (ruleId: string, message: string): Diagnostic => ({ ruleId, severity: 'warning', message, line: 3, column: 5, endLine: 3, endColumn: 9 });

describe('codeUnitOrder', () => {
  it('orders by UTF-16 code units, whatever the locale', () => {
    expect(['i', 'ı', 'I', 'b', 'B', '_', '-'].sort(codeUnitOrder)).toEqual(['-', 'B', 'I', '_', 'b', 'i', 'ı']);
    // Turkish and English collations disagree on this pair; the report must not.
    expect(codeUnitOrder('Image', 'image')).toBe(-1);
    expect(codeUnitOrder('same', 'same')).toBe(0);
  });

  it('breaks ties between findings at one place by rule id, then message', () => {
    const sorted = [at('sbuild/b', 'x'), at('sbuild/a', 'image'), at('sbuild/a', 'Image')].sort(compareDiagnostics);
    expect(sorted.map((d) => `${d.ruleId} ${d.message}`)).toEqual(['sbuild/a Image', 'sbuild/a image', 'sbuild/b x']);
  });
});
