/** The resources one file's lint and the worker threads may use. */

/** Default per-file time limit: far above what any real recipe needs (a 20 MB recipe takes about a second). */
export const DEFAULT_TIME_LIMIT_SECONDS = 30;

/**
 * The largest file linted as a recipe: a hundred times the largest real one (about 40 KB). Memory grows with what a
 * file holds (30 MB of short keys took 3 GB and 30 s), and on the main thread no heap cap stops it before the process.
 */
export const MAX_RECIPE_BYTES = 4 * 1024 * 1024;

/** A worker's heap cap: a file that needs more is stopped with `engine/crash` instead of exhausting the machine. */
export const WORKER_HEAP_MB = 2048;

/**
 * A worker's young generation. V8 sizes it from the heap cap (48 MB for 2048 MB), and a worker fills it between
 * collections. Now that few files are in flight (`filesInFlight`), 16 MB peaks no higher than 4 MB on ten copies of the
 * corpus (265-275 MB) and halves the time spent collecting on the corpus (1.0 s instead of 2.0 s over both workers);
 * 32 MB peaked 20 MB higher.
 */
export const WORKER_YOUNG_GENERATION_MB = 16;

/**
 * How far V8 lets the old generation grow past what was alive at its last full collection, in percent, once workers
 * run. Left to itself V8 chooses up to 300%: a worker, which keeps little alive from file to file, filled up to 230 MB
 * with garbage for a working set of about 40 MB. At 100%, ten copies of the corpus peaked 45–55 MB lower at about the
 * same CPU time (50% saved another 15 MB for a tenth more CPU).
 */
export const HEAP_GROWING_PERCENT = 100;
