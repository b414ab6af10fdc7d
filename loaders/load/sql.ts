// Quoting for the SQL this project generates from the contract: identifiers (the contract's column
// names, quoted), and the contract's own constants (code spellings, defaults) written into the
// typing SQL. Values from the office's files and of the run are never quoted in: they are bound.
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
