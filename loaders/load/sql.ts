// Quoting for the SQL this project writes from the contract: identifiers and literals only
// ever come from the contract or from the office's files, and both are quoted.
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
