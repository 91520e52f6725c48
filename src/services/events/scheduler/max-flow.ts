/** Dinic's maximum flow on typed arrays (arcs in pairs: arc i and its reverse i ^ 1). */
export class FlowNetwork {
  private head: Int32Array;
  private next: Int32Array;
  private to: Int32Array;
  private cap: Int32Array;
  private arcs = 0;
  private preloaded = 0;

  constructor(
    private readonly nodes: number,
    maxArcs: number,
  ) {
    this.head = new Int32Array(nodes).fill(-1);
    this.next = new Int32Array(maxArcs * 2);
    this.to = new Int32Array(maxArcs * 2);
    this.cap = new Int32Array(maxArcs * 2);
  }

  /** Adds an arc and answers its index (for pushPath). */
  addArc(from: number, to: number, capacity: number): number {
    const i = this.arcs;
    this.to[i] = to;
    this.cap[i] = capacity;
    this.next[i] = this.head[from]!;
    this.head[from] = i;
    this.to[i + 1] = from;
    this.cap[i + 1] = 0;
    this.next[i + 1] = this.head[to]!;
    this.head[to] = i + 1;
    this.arcs += 2;
    return i;
  }

  /**
   * Pushes one unit along a path of arcs (source to sink) if each has room, and answers whether it did: a
   * known feasible flow (a schedule's meetings) to start from, so that Dinic only adds what it lacks.
   */
  pushPath(path: readonly number[]): boolean {
    for (const i of path) if (i < 0 || this.cap[i]! <= 0) return false;
    for (const i of path) {
      this.cap[i]!--;
      this.cap[i ^ 1]!++;
    }
    this.preloaded++;
    return true;
  }

  /**
   * Pushes one unit along every source → u → v → sink path that still has room, in arc order: a cheap start
   * that leaves Dinic's phases only the long augmenting paths (the answer is the same maximum).
   */
  private pushShortPaths(source: number, sink: number): number {
    const toSink = new Int32Array(this.nodes).fill(-1);
    for (let i = 0; i < this.arcs; i += 2) if (this.to[i] === sink) toSink[this.to[i + 1]!] = i;
    let total = 0;
    for (let i = this.head[source]!; i >= 0; i = this.next[i]!) {
      if ((i & 1) !== 0) continue;
      const u = this.to[i]!;
      for (let j = this.head[u]!; j >= 0 && this.cap[i]! > 0; j = this.next[j]!) {
        const v = this.to[j]!;
        const k = toSink[v]!;
        if ((j & 1) !== 0 || this.cap[j]! <= 0 || k < 0 || this.cap[k]! <= 0) continue;
        const push = Math.min(this.cap[i]!, this.cap[j]!, this.cap[k]!);
        this.cap[i]! -= push;
        this.cap[i ^ 1]! += push;
        this.cap[j]! -= push;
        this.cap[j ^ 1]! += push;
        this.cap[k]! -= push;
        this.cap[k ^ 1]! += push;
        total += push;
      }
    }
    return total;
  }

  maxFlow(source: number, sink: number): number {
    const level = new Int32Array(this.nodes);
    const queue = new Int32Array(this.nodes);
    const current = new Int32Array(this.nodes);
    // The augmenting path of the depth-first search, kept by hand (no recursion on deep residual paths).
    const pathArc = new Int32Array(this.nodes);
    let total = this.preloaded + this.pushShortPaths(source, sink);
    for (;;) {
      level.fill(-1);
      level[source] = 0;
      let qh = 0;
      let qt = 0;
      queue[qt++] = source;
      while (qh < qt) {
        const v = queue[qh++]!;
        // Nodes at the sink's level or beyond lead nowhere shorter: the phase needs no more of them.
        if (level[sink]! >= 0 && level[v]! >= level[sink]!) break;
        for (let i = this.head[v]!; i >= 0; i = this.next[i]!) {
          const w = this.to[i]!;
          if (this.cap[i]! > 0 && level[w]! < 0) {
            level[w] = level[v]! + 1;
            queue[qt++] = w;
          }
        }
      }
      if (level[sink]! < 0) return total;
      current.set(this.head);
      let depth = 0;
      let v = source;
      for (;;) {
        if (v === sink) {
          let push = Infinity;
          for (let d = 0; d < depth; d++) push = Math.min(push, this.cap[pathArc[d]!]!);
          for (let d = 0; d < depth; d++) {
            this.cap[pathArc[d]!]! -= push;
            this.cap[pathArc[d]! ^ 1]! += push;
          }
          total += push;
          // Back to the first saturated arc's tail.
          let d = 0;
          while (d < depth && this.cap[pathArc[d]!]! > 0) d++;
          depth = d;
          v = depth === 0 ? source : this.to[pathArc[depth - 1]!]!;
          continue;
        }
        let i = current[v]!;
        while (i >= 0 && !(this.cap[i]! > 0 && level[this.to[i]!] === level[v]! + 1)) i = this.next[i]!;
        current[v] = i;
        if (i >= 0) {
          pathArc[depth++] = i;
          v = this.to[i]!;
          continue;
        }
        // Dead end: no more paths through v in this phase.
        level[v] = -1;
        if (depth === 0) break;
        depth--;
        v = depth === 0 ? source : this.to[pathArc[depth - 1]!]!;
        current[v] = this.next[current[v]!]!;
      }
    }
  }
}
