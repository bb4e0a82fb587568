/** A `Map` or a `WeakMap`. */
interface Lookup<K, V> {
  get(key: K): V | undefined;
  has(key: K): boolean;
  set(key: K, value: V): unknown;
}

/** The value kept under `key`, made and kept first if there is none: work done once per key, however often it is asked. */
export function getOrMake<K, V>(map: Lookup<K, V>, key: K, make: (key: K) => V): V {
  let value = map.get(key);
  if (value === undefined && !map.has(key)) map.set(key, (value = make(key)));
  return value as V;
}
