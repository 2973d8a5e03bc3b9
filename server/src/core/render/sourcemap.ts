// A map from ranges of rendered output back to the template text that produced them.

export interface Segment {
  outStart: number;
  outEnd: number;
  /** Template file (workspace-relative) holding the producing text: the root template or a partial. */
  file: string;
  /** Offsets in that file. */
  srcStart: number;
  srcEnd: number;
  /** Literal template text copied to the output character for character (exact mapping inside). */
  literal: boolean;
  /** The same place in the root template: itself, or the partial call that led here. */
  rootStart: number;
  rootEnd: number;
}

export interface MappedRange {
  file: string;
  start: number;
  end: number;
  rootStart: number;
  rootEnd: number;
}

export class SourceMap {
  constructor(
    readonly rootFile: string,
    readonly segments: Segment[],
  ) {}

  /** The segment holding output offset `o` (binary search; segments are sorted and disjoint). */
  private find(o: number): number {
    const s = this.segments;
    let lo = 0,
      hi = s.length - 1,
      ans = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (s[mid].outStart <= o) {
        ans = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return ans;
  }

  /** Where the output range [start, end) came from. Literal text maps exactly; expression output maps to the expression. */
  lookup(start: number, end: number = start): MappedRange | undefined {
    if (!this.segments.length) return undefined;
    let i = this.find(start);
    if (i < 0) i = 0;
    const first = this.segments[i];
    if (start >= first.outEnd && i + 1 < this.segments.length && this.segments[i + 1].outStart <= Math.max(start, end - 1)) i++;
    const seg = this.segments[i];
    const inSeg = (o: number) => Math.min(Math.max(o, seg.outStart), seg.outEnd);
    let s: number, e: number;
    if (seg.literal) {
      s = seg.srcStart + (inSeg(start) - seg.outStart);
      e = seg.srcStart + (inSeg(Math.max(end, start)) - seg.outStart);
    } else {
      s = seg.srcStart;
      e = seg.srcEnd;
    }
    // Extend over following segments the range covers (e.g. `key = {{value}}` spanning text and expression).
    let j = i;
    while (j + 1 < this.segments.length && this.segments[j + 1].outStart < end && this.segments[j + 1].file === seg.file) {
      j++;
      const n = this.segments[j];
      e = Math.max(e, n.literal ? n.srcStart + (Math.min(end, n.outEnd) - n.outStart) : n.srcEnd);
    }
    const rootSame = seg.file === this.rootFile;
    return {
      file: seg.file,
      start: s,
      end: Math.max(s, e),
      rootStart: rootSame ? s : seg.rootStart,
      rootEnd: rootSame ? Math.max(s, e) : seg.rootEnd,
    };
  }
}
