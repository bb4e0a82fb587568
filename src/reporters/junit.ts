import { oneLine, shownPath, type Reporter } from './reporter.js';
import { XML_DECLARATION, xmlEscape } from './xml.js';

/**
 * JUnit XML for CI test-report views: a `<testsuite>` per file, a failing `<testcase>` per problem (its name is the rule
 * id and place), and one passing test case for a file without problems.
 */
export const junit: Reporter = (results, { cwd }) => {
  const total = results.reduce((sum, result) => sum + Math.max(1, result.diagnostics.length), 0);
  const failures = results.reduce((sum, result) => sum + result.diagnostics.length, 0);
  const lines = [XML_DECLARATION, `<testsuites name="fim-lint" tests="${total}" failures="${failures}" errors="0">`];
  for (const result of results) {
    const path = xmlEscape(shownPath(result.path, cwd));
    const count = result.diagnostics.length;
    lines.push(`  <testsuite name="${path}" tests="${Math.max(1, count)}" failures="${count}" errors="0">`);
    if (count === 0) lines.push(`    <testcase classname="${path}" name="no problems"/>`);
    for (const d of result.diagnostics) {
      const place = `${d.line}:${d.column}`;
      lines.push(
        `    <testcase classname="${path}" name="${xmlEscape(`${d.ruleId} ${place}`)}">`,
        `      <failure type="${d.severity}" message="${xmlEscape(oneLine(d.message))}">${xmlEscape(`${shownPath(result.path, cwd)}:${place}: ${d.severity}: ${d.message} [${d.ruleId}]`)}</failure>`,
        '    </testcase>',
      );
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return lines.join('\n') + '\n';
};
