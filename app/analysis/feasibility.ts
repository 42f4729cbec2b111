// What an intruder can learn about each hidden figure of one table from the figures shown and
// the fact that every count is a whole number ≥ 0: its feasibility interval, exactly, without a
// linear-programming library (the network view behind tau-ARGUS's "Network" method; Castro,
// Salazar). Read the table with its totals as one extended (rows+1)×(columns+1) grid and sign
// the totals -1 (the grand total +1): then every line adds up to zero, each hidden entry is an
// edge between its row and its column, and any change to the hidden entries that keeps every
// shown figure and every sum is a circulation on those edges. Non-negativity bounds each edge's
// flow on one side only: a cell can fall by at most its value and rise without limit, a total
// the other way round. So the most a hidden entry can rise (or fall) is the maximum flow that
// can come back round from one end of its edge to the other through the other hidden edges,
// capped by its own room to move. The circulation constraints are totally unimodular, so the
// whole-number bounds are these flows too. tests/bounds-auditor.ts checks them against HiGHS.
//
// Where a table's lines do not add up (several answers per person, or a figure another table
// hides passed in as a stand-in small value), the flows are computed on the values as given:
// a smaller stand-in only ever narrows the room found, so the protection errs towards hiding.

export type Entry = { i: number; j: number };

/** A hidden pattern of one extended grid as a flow network: rows are vertices 0..R-1, columns R.. */
export class HiddenNetwork {
  private readonly rows: number;
  private readonly size: number;
  private readonly capacity: Float64Array;
  private readonly flow: Float64Array;
  private readonly previous: Int32Array;
  private readonly queue: Int32Array;

  constructor(
    private readonly grid: readonly (readonly number[])[],
    hidden: readonly (readonly boolean[])[],
  ) {
    this.rows = grid.length;
    this.size = this.rows + (grid[0]?.length ?? 0);
    this.capacity = new Float64Array(this.size * this.size);
    this.flow = new Float64Array(this.size * this.size);
    this.previous = new Int32Array(this.size);
    this.queue = new Int32Array(this.size);
    hidden.forEach((row, i) => row.forEach((isHidden, j) => isHidden && this.set({ i, j }, true)));
  }

  /** Hides (or shows) one entry: its edge's two arcs get (or lose) their capacities. */
  set({ i, j }: Entry, isHidden: boolean): void {
    const [up, down] = isHidden ? this.room({ i, j }) : [0, 0];
    this.capacity[i * this.size + this.rows + j] = up;
    this.capacity[(this.rows + j) * this.size + i] = down;
  }

  /** [how far the signed value can rise, how far it can fall] on the entry's own edge. */
  room({ i, j }: Entry): [number, number] {
    const value = this.grid[i]?.[j] ?? 0;
    return isTotal(this.grid, { i, j }) ? [value, Infinity] : [Infinity, value];
  }

  /**
   * How far a hidden entry can rise and fall, each at most `enough` (finding more costs time and
   * says nothing new to a caller that only asks "at least this much?").
   */
  movement(entry: Entry, enough = Infinity): { rise: number; fall: number } {
    const { i, j } = entry;
    const row = i;
    const column = this.rows + j;
    const [up, down] = this.room(entry);
    this.set(entry, false);
    // The signed value rises by what comes back from the column to the row, falls by the reverse.
    const plus = Math.min(up, this.maxFlow(column, row, Math.min(up, enough)).amount);
    const minus = Math.min(down, this.maxFlow(row, column, Math.min(down, enough)).amount);
    this.set(entry, true);
    return isTotal(this.grid, entry) ? { rise: minus, fall: plus } : { rise: plus, fall: minus };
  }

  /** The entries not hidden whose edge would carry more of the flow that `entry` moving `way` needs. */
  widening(entry: Entry, way: 'rise' | 'fall', hidden: readonly (readonly boolean[])[], need: number): { across: Entry[]; closing: Entry[] } {
    const row = entry.i;
    const column = this.rows + entry.j;
    const signedUp = isTotal(this.grid, entry) ? way === 'fall' : way === 'rise';
    const [source, sink] = signedUp ? [column, row] : [row, column];
    this.set(entry, false);
    const { sourceSide, sinkSide } = this.maxFlow(source, sink, need, true);
    this.set(entry, true);
    const across: Entry[] = [];
    const closing: Entry[] = [];
    hidden.forEach((line, i) =>
      line.forEach((isHidden, j) => {
        if (isHidden) return;
        const [up, down] = this.room({ i, j });
        const from = (u: number, v: number, room: number) => room > 0 && sourceSide[u] === 1 && sourceSide[v] === 0;
        const forward = from(i, this.rows + j, up);
        const backward = from(this.rows + j, i, down);
        if (!forward && !backward) return;
        across.push({ i, j });
        if ((forward && sinkSide[this.rows + j] === 1) || (backward && sinkSide[i] === 1)) closing.push({ i, j });
      }),
    );
    return { across, closing };
  }

  // Edmonds–Karp on the dense residual network (a table has a few dozen lines), stopping at `limit`.
  private maxFlow(source: number, sink: number, limit: number, cut = false) {
    const n = this.size;
    this.flow.fill(0);
    let amount = 0;
    const residual = (u: number, v: number) => (this.capacity[u * n + v] ?? 0) - (this.flow[u * n + v] ?? 0);
    while (amount < limit) {
      this.search(source, residual);
      if (this.previous[sink] === -1) break;
      let bottleneck = limit - amount;
      for (let v = sink; v !== source; v = this.previous[v] ?? source) {
        bottleneck = Math.min(bottleneck, residual(this.previous[v] ?? source, v));
      }
      if (bottleneck === Infinity) return { amount: Infinity, sourceSide: new Uint8Array(n), sinkSide: new Uint8Array(n) };
      for (let v = sink; v !== source; v = this.previous[v] ?? source) {
        const u = this.previous[v] ?? source;
        this.flow[u * n + v] = (this.flow[u * n + v] ?? 0) + bottleneck;
        this.flow[v * n + u] = (this.flow[v * n + u] ?? 0) - bottleneck;
      }
      amount += bottleneck;
    }
    if (!cut) return { amount, sourceSide: new Uint8Array(0), sinkSide: new Uint8Array(0) };
    this.search(source, residual);
    const sourceSide = Uint8Array.from(this.previous, (p) => (p !== -1 ? 1 : 0));
    this.search(sink, (u, v) => residual(v, u));
    const sinkSide = Uint8Array.from(this.previous, (p) => (p !== -1 ? 1 : 0));
    return { amount, sourceSide, sinkSide };
  }

  /** Breadth-first search of the residual network from `source`: `previous` leads back from each vertex reached (-1: not reached). */
  private search(source: number, residual: (u: number, v: number) => number): void {
    this.previous.fill(-1);
    this.previous[source] = source;
    let head = 0;
    let tail = 0;
    this.queue[tail++] = source;
    while (head < tail) {
      const u = this.queue[head++] ?? 0;
      // Edges only join a row to a column.
      const [from, to] = u < this.rows ? [this.rows, this.size] : [0, this.rows];
      for (let v = from; v < to; v++) {
        if (this.previous[v] === -1 && residual(u, v) > 0) {
          this.previous[v] = u;
          this.queue[tail++] = v;
        }
      }
    }
  }
}

/** A total (a line's sum), as opposed to a cell or the grand total, whose signs in the network are the other way round. */
export function isTotal(grid: readonly (readonly number[])[], { i, j }: Entry): boolean {
  return (i === grid.length - 1) !== (j === (grid[0]?.length ?? 1) - 1);
}

/** The exact feasibility interval of every hidden entry, in reading order (for audits and tests). */
export function hiddenIntervals(grid: readonly (readonly number[])[], hidden: readonly (readonly boolean[])[]) {
  const network = new HiddenNetwork(grid, hidden);
  return hidden.flatMap((row, i) =>
    row.flatMap((isHidden, j) => {
      if (!isHidden) return [];
      const value = grid[i]?.[j] ?? 0;
      const { rise, fall } = network.movement({ i, j });
      return [{ i, j, lower: value - fall, upper: value + rise }];
    }),
  );
}
