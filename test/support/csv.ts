/** A small RFC 4180 parser, to read back what the exporter wrote (a leading BOM is checked and dropped). */
export function parseCsv(text: string, separator: ',' | ';' = ','): string[][] {
  if (!text.startsWith('\ufeff')) throw new Error('an exported CSV starts with a byte order mark');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 1;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      field += c; i++; continue;
    }
    if (c === '"') { quoted = true; i++; continue; }
    if (c === separator) { row.push(field); field = ''; i++; continue; }
    if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i += 2; continue; }
    field += c; i++;
  }
  return rows;
}
