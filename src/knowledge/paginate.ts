/** Pagination of lists into pages of a fixed size, with page URLs. */

/** One page of a list: 1-based page number, its items, and the URLs of neighbours. */
export interface Page<T> {
  number: number;
  total: number;
  items: T[];
  url: string;
  prev?: string;
  next?: string;
}

/**
 * Splits `items` into pages of `size`. `urlOf(n)` gives the URL of page n (1-based).
 * An empty list yields one empty page (so a list page always exists).
 */
export function paginate<T>(items: readonly T[], size: number, urlOf: (n: number) => string): Page<T>[] {
  const total = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: total }, (_, k) => {
    const number = k + 1;
    return {
      number,
      total,
      items: items.slice(k * size, number * size),
      url: urlOf(number),
      prev: number > 1 ? urlOf(number - 1) : undefined,
      next: number < total ? urlOf(number + 1) : undefined,
    };
  });
}
