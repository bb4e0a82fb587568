import { replaceActedOn } from './escape.js';

/**
 * Text safe in an XML attribute or element: markup characters escaped, characters XML 1.0 forbids replaced, and the
 * characters terminals and viewers act on written as character references, which a reader turns back into them.
 */
export function xmlEscape(text: string): string {
  const escaped = text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;')
    .replaceAll('\n', '&#10;')
    .replaceAll('\r', '&#13;')
    .replaceAll('\t', '&#9;');
  return replaceActedOn(escaped, (code) => `&#x${code.toString(16).toUpperCase()};`);
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
