/**
 * One-dimensional k-means for weight palettization (Core ML's "palettization": each weight is replaced by the
 * nearest of k shared values, the lookup table or LUT, found by k-means over the tensor's values; Apple,
 * coremltools "Palettization Overview" / `OpPalettizerConfig(mode="kmeans", nbits=…)`).
 * - Initialisation: k-means++ (Arthur & Vassilvitskii 2007): the first centre uniformly at random, each next one
 *   drawn with probability proportional to its squared distance to the nearest centre so far; seeded, so the same
 *   tensor always gets the same table.
 * - Lloyd iterations (Lloyd 1982): assign each value to its nearest centre, move each centre to the mean of its
 *   values; until no assignment changes or `maxIterations`.
 * Every value counts the same (unweighted: no sensitivity or activation statistics weigh the clustering).
 * In one dimension the clusters are contiguous runs of the sorted values, so each iteration costs O(k log n) on
 * prefix sums instead of O(n·k).
 */
import { seededRandom } from '../util/prng';

export interface KMeansResult {
  /** Centres in increasing order (fewer than k when the data has fewer distinct values). */
  centroids: Float32Array;
  /** For each input value, the index of its nearest centre (ties to the lower one). */
  assignments: Uint8Array;
  iterations: number;
}

export interface KMeansOptions {
  seed?: number;
  maxIterations?: number;
}

/** Clusters `values` into at most `k` (≤ 256) centres. Throws RangeError for k outside 1…256 or empty data. */
export function kMeans1d(values: ArrayLike<number>, k: number, options: KMeansOptions = {}): KMeansResult {
  const { seed = 1, maxIterations = 100 } = options;
  if (!Number.isInteger(k) || k < 1 || k > 256) throw new RangeError(`k must be a whole number from 1 to 256; got ${k}.`);
  if (values.length === 0) throw new RangeError('k-means needs at least one value.');
  const sorted = Float64Array.from(values).sort();
  const distinct = countDistinct(sorted);
  let centres: Float64Array;
  let iterations = 0;
  if (distinct <= k) {
    centres = uniqueValues(sorted);
  } else {
    centres = kMeansPlusPlus(sorted, k, seededRandom(seed));
    const prefix = new Float64Array(sorted.length + 1);
    for (let i = 0; i < sorted.length; i++) prefix[i + 1] = prefix[i] + sorted[i];
    let bounds = clusterBounds(sorted, centres);
    for (iterations = 1; iterations <= maxIterations; iterations++) {
      const next: number[] = [];
      for (let c = 0; c < centres.length; c++) {
        const [start, end] = [bounds[c], bounds[c + 1]];
        // An empty cluster is dropped; k-means++ seeds distinct values, so this only happens when two centres meet.
        if (end > start) next.push((prefix[end] - prefix[start]) / (end - start));
      }
      centres = Float64Array.from(next);
      const moved = clusterBounds(sorted, centres);
      const same = moved.length === bounds.length && moved.every((b, i) => b === bounds[i]);
      bounds = moved;
      if (same) break;
    }
    iterations = Math.min(iterations, maxIterations);
  }
  const centroids = Float32Array.from(centres);
  const assignments = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) assignments[i] = nearest(centroids, values[i]);
  return { centroids, assignments, iterations };
}

function countDistinct(sorted: Float64Array): number {
  let count = 1;
  for (let i = 1; i < sorted.length; i++) if (sorted[i] !== sorted[i - 1]) count++;
  return count;
}

function uniqueValues(sorted: Float64Array): Float64Array {
  return Float64Array.from(sorted.filter((value, i) => i === 0 || value !== sorted[i - 1]));
}

/** k-means++ seeding over sorted values (O(n·k)); the centres come back sorted. */
function kMeansPlusPlus(sorted: Float64Array, k: number, random: () => number): Float64Array {
  const n = sorted.length;
  const centres = [sorted[Math.floor(random() * n)]];
  const distance = Float64Array.from(sorted, (value) => (value - centres[0]) ** 2);
  while (centres.length < k) {
    let total = 0;
    for (let i = 0; i < n; i++) total += distance[i];
    if (total === 0) break;
    let target = random() * total;
    let pick = n - 1;
    for (let i = 0; i < n; i++) {
      target -= distance[i];
      if (target < 0 && distance[i] > 0) {
        pick = i;
        break;
      }
    }
    const centre = sorted[pick];
    centres.push(centre);
    for (let i = 0; i < n; i++) distance[i] = Math.min(distance[i], (sorted[i] - centre) ** 2);
  }
  return Float64Array.from(centres).sort();
}

/** Start index of each centre's run in `sorted` (values nearer to it than to its neighbours), plus n at the end. */
function clusterBounds(sorted: Float64Array, centres: Float64Array): number[] {
  const bounds = [0];
  for (let c = 1; c < centres.length; c++) {
    const midpoint = (centres[c - 1] + centres[c]) / 2;
    // First index whose value is above the midpoint: ties go to the lower centre.
    let low = bounds[c - 1];
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (sorted[mid] <= midpoint) low = mid + 1;
      else high = mid;
    }
    bounds.push(low);
  }
  bounds.push(sorted.length);
  return bounds;
}

/** Index of the centre nearest to `value` in increasing `centres` (ties to the lower index). */
export function nearest(centres: Float32Array, value: number): number {
  let low = 0;
  let high = centres.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (value - centres[mid] <= centres[mid + 1] - value) high = mid;
    else low = mid + 1;
  }
  return low;
}
