/**
 * The cells a line takes before each of its code units, recorded cluster by cluster as a line is measured once, and
 * looked up in logarithmic time: a line with thousands of problems is not measured again for each.
 */
export class CellIndex {
  /** Where each cluster measured ends in the line, and the cells up to its end. */
  readonly #ends: number[] = [];
  readonly #cells: number[] = [];

  add(end: number, cells: number): void {
    this.#ends.push(end);
    this.#cells.push(cells);
  }

  /**
   * The cells before code unit `index`; a cluster `index` falls inside counts whole. Past the clusters measured: `past`,
   * by default the cells of all of them.
   */
  cellsBefore(index: number, past = this.#cells.at(-1) ?? 0): number {
    if (index <= 0) return 0;
    let [low, high] = [0, this.#ends.length];
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.#ends[middle]! < index) low = middle + 1;
      else high = middle;
    }
    return low < this.#ends.length ? this.#cells[low]! : past;
  }
}
