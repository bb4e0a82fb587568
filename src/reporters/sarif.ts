import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { packageVersion } from '../cli/version.js';
import type { Diagnostic, Place } from '../core/diagnostic.js';
import { isOutside } from '../files/discover.js';
import { stringifyInert, wellFormed } from './escape.js';
import { docsUrl } from '../core/rule.js';
import type { Reporter } from './reporter.js';
import { ruleHelp } from './rule-help.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;
const SOURCE_ROOT = '%SRCROOT%';

/**
 * SARIF 2.1.0 for GitHub code scanning: every rule in `tool.driver.rules` (with `helpUri`), one result per problem with
 * its region and the places it involves (`relatedLocations`); paths inside the working directory are relative to `%SRCROOT%`. Columns count UTF-16 code units.
 */
export const sarif: Reporter = (results, { cwd, rules = [] }) => {
  const descriptors: ReportingDescriptor[] = rules.map((rule) => ({
    id: rule.id,
    shortDescription: { text: rule.description },
    ...helpTexts(rule.id),
    helpUri: docsUrl(rule.id),
    defaultConfiguration: rule.optIn ? { enabled: false, level: LEVEL[rule.severity] } : { level: LEVEL[rule.severity] },
  }));
  const indexOf = new Map(descriptors.map((descriptor, index) => [descriptor.id, index]));
  const ruleIndex = (diagnostic: Diagnostic): number => {
    let index = indexOf.get(diagnostic.ruleId);
    if (index === undefined) {
      // A rule reporting on behalf of a tool (e.g. `shell/SC2086`) names codes the registry does not list.
      const code = diagnostic.ruleId.replace(/^shell\//, '');
      index =
        descriptors.push({
          id: diagnostic.ruleId,
          shortDescription: { text: `ShellCheck ${code} in an embedded script: ${diagnostic.message}` },
          ...helpTexts(diagnostic.ruleId),
          ...(diagnostic.url ? { helpUri: diagnostic.url } : {}),
        }) - 1;
      indexOf.set(diagnostic.ruleId, index);
    }
    return index;
  };

  const sarifResults: Result[] = results.flatMap((result) =>
    result.diagnostics.map((d) => ({
      ruleId: d.ruleId,
      ruleIndex: ruleIndex(d),
      level: LEVEL[d.severity],
      message: { text: d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactLocation(result.path, cwd),
            region: region(d),
          },
        },
      ],
      ...(d.related?.length
        ? {
            relatedLocations: d.related.map((related, id) => ({
              id,
              physicalLocation: { artifactLocation: artifactLocation(related.path ?? result.path, cwd), region: region(related) },
              message: { text: related.message },
            })),
          }
        : {}),
    })),
  );

  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'fim-lint', version: packageVersion(), informationUri: 'https://github.com/fim-lint/fim-lint', rules: descriptors } },
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: pathToFileURL(cwd).href.replace(/\/?$/, '/') } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return stringifyInert(log, 2) + '\n';
};

function region(place: Place) {
  return { startLine: place.line, startColumn: place.column, endLine: place.endLine, endColumn: place.endColumn };
}

/** `fullDescription` and `help` from the rule's doc page. */
function helpTexts(ruleId: string): Pick<ReportingDescriptor, 'fullDescription' | 'help'> {
  const help = ruleHelp(ruleId);
  if (!help) return {};
  return { fullDescription: { text: help.fullDescription }, help: { text: help.text, markdown: help.markdown } };
}

function artifactLocation(path: string, cwd: string): { uri: string; uriBaseId?: string } {
  const absolute = resolve(cwd, wellFormed(path));
  const relativePath = relative(cwd, absolute);
  if (isOutside(relativePath)) return { uri: pathToFileURL(absolute).href };
  return { uri: relativePath.split(/[\\/]/).map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}
