// Short names for budget lines, for chart labels: the plan's "Nội dung hỗ trợ" is a sentence
// ("Hỗ trợ tham gia hội chợ, triển lãm để mở rộng thị trường, xúc tiến thương mại cho cơ sở
// CNNT"); a chart needs its head ("Tham gia hội chợ, triển lãm"). Tables keep the full text.

/** Words after which the rest of a description only says why or for whom. */
const TAIL = /\s+(?:để|nhằm|cho|của|vào|trên địa bàn|trong và ngoài)\s/u;

/** "Hỗ trợ ứng dụng máy móc, thiết bị tiên tiến vào sản xuất." → "Ứng dụng máy móc, thiết bị tiên tiến". */
export function shortLineLabel(description: string, maxLength = 52): string {
  let text = description.normalize("NFC").replace(/\s+/g, " ").trim();
  text = text.replace(/^hỗ trợ\s+/iu, "");
  const tail = TAIL.exec(text);
  if (tail && tail.index >= 12) text = text.slice(0, tail.index);
  text = text.replace(/[\s.,;:…]+$/u, "");
  if (text.length > maxLength) {
    // Cut at the last clause (comma), else the last word, that fits; "…" says something is left out.
    const cut = text.slice(0, maxLength + 1);
    const comma = cut.lastIndexOf(",");
    const space = cut.lastIndexOf(" ");
    const at = comma > maxLength / 2 ? comma : space > maxLength / 2 ? space : maxLength;
    text = `${cut.slice(0, at).replace(/[\s,;:]+$/u, "")}…`;
  }
  return text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);
}

/** "3. Tham gia hội chợ, triển lãm". */
export function lineLabel(line: {line_no: number; description: string}, maxLength?: number): string {
  return `${line.line_no}. ${shortLineLabel(line.description, maxLength)}`;
}
