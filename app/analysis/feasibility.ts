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
// Where a reader knows more than the sums (several answers per person: each answer is at most
// those who answered), a cell's rise is capped by that ceiling, taken at the true values of the
// other figures: the room found is then room the reader cannot rule out, never more.

export type Entry = { i: number; j: number };

/** A hidden pattern of one extended grid as a flow network: rows are vertices 0..R-1, columns R.. */
export class HiddenNetwork {
  private readonly rows: number;
  private readonly size: number;
  private readonly capacity: Float64Array;
  private readonly flow: Float64Array;
  private readonly previous: Int32Array;
  private readonly queue: Int32Array;
  /** Each vertex's neighbours through hidden entries: the searches walk these, not every line. */
  private readonly neighbours: number[][];
  /** The arcs the last maximum flow used, so the next one clears only those. */
  private touched: number[] = [];

  constructor(
    private readonly grid: readonly (readonly number[])[],
    hidden: readonly (readonly boolean[])[],
    /** The most each cell (not a total) can be, where a reader knows more than the sums. */
    private readonly ceilings?: readonly (readonly (number | undefined)[])[],
  ) {
    this.rows = grid.length;
    this.size = this.rows + (grid[0]?.length ?? 0);
    this.capacity = new Float64Array(this.size * this.size);
    this.flow = new Float64Array(this.size * this.size);
    this.previous = new Int32Array(this.size);
    this.queue = new Int32Array(this.size);
    this.neighbours = Array.from({ length: this.size }, () => []);
    hidden.forEach((row, i) => row.forEach((isHidden, j) => isHidden && this.set({ i, j }, true)));
  }

  /** Hides (or shows) one entry: its edge's two arcs get (or lose) their capacities. */
  set({ i, j }: Entry, isHidden: boolean): void {
    const [up, down] = isHidden ? this.room({ i, j }) : [0, 0];
    const column = this.rows + j;
    const was = (this.capacity[i * this.size + column] ?? 0) > 0 || (this.capacity[column * this.size + i] ?? 0) > 0;
    this.capacity[i * this.size + column] = up;
    this.capacity[column * this.size + i] = down;
    const is = up > 0 || down > 0;
    if (is && !was) {
      this.neighbours[i]?.push(column);
      this.neighbours[column]?.push(i);
    } else if (was && !is) {
      const fromRow = this.neighbours[i] as number[];
      const fromColumn = this.neighbours[column] as number[];
      fromRow.splice(fromRow.indexOf(column), 1);
      fromColumn.splice(fromColumn.indexOf(i), 1);
    }
  }

  /** [how far the signed value can rise, how far it can fall] on the entry's own edge. */
  room({ i, j }: Entry): [number, number] {
    const value = this.grid[i]?.[j] ?? 0;
    if (isTotal(this.grid, { i, j })) return [value, Infinity];
    const ceiling = this.ceilings?.[i]?.[j];
    return [ceiling === undefined ? Infinity : Math.max(0, ceiling - value), value];
  }

  /**
   * How far a hidden entry can rise and fall, each at most `enough` (finding more costs time and
   * says nothing new to a caller that only asks "at least this much?"), and the other hidden
   * entries that room runs through (as i × width + j): while they stay hidden, it stays.
   */
  movement(entry: Entry, enough = Infinity): { rise: number; fall: number; through: number[] } {
    const { i, j } = entry;
    const row = i;
    const column = this.rows + j;
    const [up, down] = this.room(entry);
    this.set(entry, false);
    // The signed value rises by what comes back from the column to the row, falls by the reverse.
    const plus = Math.min(up, this.maxFlow(column, row, Math.min(up, enough)));
    const through = this.entriesFlowedThrough();
    const minus = Math.min(down, this.maxFlow(row, column, Math.min(down, enough)));
    this.entriesFlowedThrough(through);
    this.set(entry, true);
    return isTotal(this.grid, entry) ? { rise: minus, fall: plus, through } : { rise: plus, fall: minus, through };
  }

  private entriesFlowedThrough(into: number[] = []): number[] {
    const width = this.size - this.rows;
    for (const arc of this.touched) {
      const u = Math.floor(arc / this.size);
      const v = arc % this.size;
      into.push(u < this.rows ? u * width + (v - this.rows) : v * width + (u - this.rows));
    }
    return into;
  }

  /** The entries not hidden whose edge would carry more of the flow that `entry` moving `way` needs. */
  widening(entry: Entry, way: 'rise' | 'fall', hidden: readonly (readonly boolean[])[], need: number): { across: Entry[]; closing: Entry[] } {
    const row = entry.i;
    const column = this.rows + entry.j;
    const signedUp = isTotal(this.grid, entry) ? way === 'fall' : way === 'rise';
    const [source, sink] = signedUp ? [column, row] : [row, column];
    this.set(entry, false);
    this.maxFlow(source, sink, need);
    // The minimum cut: what the source still reaches, and what still reaches the sink.
    this.search(source, -1, false);
    const sourceSide = Uint8Array.from(this.previous, (p) => (p !== -1 ? 1 : 0));
    this.search(sink, -1, true);
    const sinkSide = Uint8Array.from(this.previous, (p) => (p !== -1 ? 1 : 0));
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
  // It runs for every hidden entry on every results page: no closures or arrays in the loops.
  private maxFlow(source: number, sink: number, limit: number): number {
    const n = this.size;
    const { capacity, flow, previous } = this;
    for (const arc of this.touched) {
      flow[arc] = 0;
      flow[(arc % n) * n + Math.floor(arc / n)] = 0;
    }
    this.touched = [];
    let amount = 0;
    while (amount < limit) {
      this.search(source, sink, false);
      if (previous[sink] === -1) break;
      let bottleneck = limit - amount;
      for (let v = sink; v !== source;) {
        const u = previous[v] as number;
        bottleneck = Math.min(bottleneck, (capacity[u * n + v] as number) - (flow[u * n + v] as number));
        v = u;
      }
      for (let v = sink; v !== source;) {
        const u = previous[v] as number;
        this.touched.push(u * n + v);
        if (bottleneck !== Infinity) {
          flow[u * n + v] = (flow[u * n + v] as number) + bottleneck;
          flow[v * n + u] = (flow[v * n + u] as number) - bottleneck;
        }
        v = u;
      }
      if (bottleneck === Infinity) return Infinity;
      amount += bottleneck;
    }
    return amount;
  }

  /**
   * Breadth-first search of the residual network from `source` (against the arcs when
   * `reverse`), stopping once `stop` is reached: `previous` leads back from each vertex reached
   * (-1: not reached).
   */
  private search(source: number, stop: number, reverse: boolean): void {
    const n = this.size;
    const { capacity, flow, previous, queue } = this;
    previous.fill(-1);
    previous[source] = source;
    let head = 0;
    let tail = 0;
    queue[tail++] = source;
    while (head < tail) {
      const u = queue[head++] as number;
      const next = this.neighbours[u] as number[];
      for (let k = 0; k < next.length; k++) {
        const v = next[k] as number;
        if (previous[v] !== -1) continue;
        const arc = reverse ? v * n + u : u * n + v;
        if ((capacity[arc] as number) - (flow[arc] as number) > 0) {
          previous[v] = u;
          if (v === stop) return;
          queue[tail++] = v;
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
