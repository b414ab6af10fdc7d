// The year a page opens on: the same on every page (src/data/years.ts), when the page has
// data of that year; otherwise the page's latest year. Browser-safe.
export function openingYear(years: readonly number[], preferred: number | null | undefined): number | undefined {
  return preferred != null && years.includes(preferred) ? preferred : years.at(-1);
}
