// Bisection over lists kept in order.

/** The first index of [0, length) at which `before(i)` is false, when it is true up to some index and false after. */
export function lowerBound(length: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether an ascending list of numbers holds `x`. */
export function containsSorted(sorted: ArrayLike<number>, x: number): boolean {
  const i = lowerBound(sorted.length, (k) => sorted[k]! < x);
  return sorted[i] === x;
}
