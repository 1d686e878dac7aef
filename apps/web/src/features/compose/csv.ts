export interface CsvRow {
  cells: string[];
  /** 1-based line where the row starts. */
  line: number;
}

const DELIMITERS = [',', ';', '\t'] as const;

/** The delimiter of the first non-empty line: comma, semicolon or tab; null for a single column. */
export function detectDelimiter(text: string): string | null {
  const first = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  return DELIMITERS.find((d) => first.includes(d)) ?? null;
}

/** RFC 4180 parsing: quoted fields may hold delimiters, newlines and doubled quotes. Blank lines are dropped. */
export function parseCsv(text: string, delimiter: string | null = detectDelimiter(text)): CsvRow[] {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;

  const endCell = () => {
    cells.push(cell.trim());
    cell = '';
  };
  const endRow = () => {
    endCell();
    if (cells.some((c) => c !== '')) rows.push({ cells, line: rowLine });
    cells = [];
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === '') {
      cell = '';
      quoted = true;
    } else if (ch === delimiter) {
      endCell();
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      cell += ch;
    }
  }
  endRow();
  return rows;
}
