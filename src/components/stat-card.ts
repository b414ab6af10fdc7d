// The figure card of the pages (Framework's `card` class): a title, a big value, a note. Text is
// set with textContent, so figures and names from the data never become markup.
export interface StatCardOptions {
  /** data-kpi attribute, for tests and print rules. */
  id?: string;
  /** Colour of the value. */
  tone?: "good" | "warn" | "bad";
}

export function statCard(title: string, value: string, note: string, {id, tone}: StatCardOptions = {}): HTMLElement {
  const div = document.createElement("div");
  div.className = "card";
  if (id !== undefined) div.dataset.kpi = id;
  const h2 = document.createElement("h2");
  h2.textContent = title;
  const big = document.createElement("p");
  big.className = `big${tone ? ` kc-${tone}` : ""}`;
  big.textContent = value;
  const p = document.createElement("p");
  p.className = "kc-muted";
  p.textContent = note;
  div.append(h2, big, p);
  return div;
}
