/**
 * Appends every item. `target.push(...items)` passes each item as an argument to one call, which overflows the stack
 * from about 100,000 items: a recipe can hold that many list items, problems or lines of output.
 */
export function appendAll<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item);
}

/** The largest of the numbers, or -Infinity for none (`Math.max(...numbers)` overflows the stack as above). */
export function largest(numbers: Iterable<number>): number {
  let result = Number.NEGATIVE_INFINITY;
  for (const number of numbers) if (number > result) result = number;
  return result;
}
