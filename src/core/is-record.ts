/** Whether a value is a plain map of keys to values (an object that is not an array), as YAML and JSON build them. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
