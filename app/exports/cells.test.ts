import { describe, expect, it } from 'vitest';
import { CELL_LIMIT, pieces, safeCell, splitLongText } from './cells';

describe('safeCell', () => {
  it.each(['=', '+', '-', '@', '\t', '\r'])('quotes text starting with %j so it cannot run as a formula', (first) => {
    expect(safeCell(`${first}HYPERLINK("http://x","y")`)).toBe(`'${first}HYPERLINK("http://x","y")`);
  });

  it('leaves ordinary text, empty text and missing cells alone', () => {
    expect(safeCell('Bramhall North')).toBe('Bramhall North');
    expect(safeCell('a=b')).toBe('a=b');
    expect(safeCell('')).toBe('');
    expect(safeCell(null)).toBeNull();
    expect(safeCell(undefined)).toBeNull();
  });

  it('keeps numbers (negative ones too) and booleans as they are', () => {
    expect(safeCell(-12.5)).toBe(-12.5);
    expect(safeCell(0)).toBe(0);
    expect(safeCell(true)).toBe(true);
  });
});

describe('long text', () => {
  it('keeps text that fits a cell in one piece', () => {
    expect(pieces('x'.repeat(CELL_LIMIT))).toEqual(['x'.repeat(CELL_LIMIT)]);
  });

  it('splits longer text into pieces that each fit, losing nothing', () => {
    const text = 'abc'.repeat(30_000);
    const parts = pieces(text);
    expect(parts).toHaveLength(3);
    expect(parts.every((p) => p.length <= CELL_LIMIT)).toBe(true);
    expect(parts.join('')).toBe(text);
  });

  it('leaves room for the quote and never splits an emoji', () => {
    const parts = pieces(`=${'a'.repeat(8)}😀b`, 10);
    expect(parts.join('')).toBe(`=${'a'.repeat(8)}😀b`);
    expect(parts.map((p) => safeCell(p) as string).every((p) => p.length <= 10)).toBe(true);
    expect(parts[0]).toBe(`=${'a'.repeat(8)}`);
    expect(parts[1]).toBe('😀b');
  });

  it('adds continuation columns next to the column whose text is too long', () => {
    const { columns, rows } = splitLongText(
      ['id', 'answer', 'n'],
      [
        [1, 'short', 3],
        [2, `${'x'.repeat(10)}=${'y'.repeat(9)}z`, -4],
      ],
      10,
    );
    expect(columns).toEqual(['id', 'answer', 'answer (2)', 'answer (3)', 'n']);
    expect(rows).toEqual([
      [1, 'short', null, null, 3],
      [2, 'x'.repeat(10), `'=${'y'.repeat(8)}`, 'yz', -4],
    ]);
  });
});
