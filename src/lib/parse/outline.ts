/**
 * The outline of numbered lines: which numbered line is under which, whatever
 * numbering styles a notice uses. A style met for the first time opens a
 * deeper level; a style already open closes everything below it.
 */
import type { SourceLine } from './lines.ts';
import { isClosingLine, isMeasuresLabel } from './lines.ts';
import type { Marker } from './markers.ts';
import { readMarker } from './markers.ts';

/** A numbered line and everything under it. */
export interface OutlineNode {
  /** Its numbering. */
  marker: Marker;
  /** The numbered line. */
  line: SourceLine;
  /** Its text after the marker. */
  head: string;
  /** Unnumbered lines that follow it (before any child). */
  body: SourceLine[];
  /** Numbered lines of a deeper style under it. */
  children: OutlineNode[];
  /** Label lines that introduce measures (`推进举措：`). */
  labels: SourceLine[];
  /** Implementation measures listed under a label: the lines of each measure. */
  measures: SourceLine[][];
}

/** A stretch of the outline that is not under any numbered line. */
export interface Loose {
  /** Lines before the first numbered line, or after a closing line. */
  lines: SourceLine[];
  /** `closing` once a closing line (抄送, a date, an issuer…) has been met after numbered lines. */
  kind: 'lead' | 'closing';
}

/** The outline of a stretch of lines. */
export interface Outline {
  roots: OutlineNode[];
  loose: Loose[];
}

/**
 * Returns a numbered line's text after its marker, as written. The marker was
 * found on the reading form (`SourceLine.read`); the written form has the
 * same marker unless a reader placed one (`cut`).
 */
function headOf(line: SourceLine, marker: Marker): string {
  if (line.cut !== undefined) return line.text.slice(line.cut).trim();
  const own = readMarker(line.text);
  return line.text.slice(own && own.value === marker.value ? own.length : marker.length).trim();
}

/** Returns the outline of `lines` (none of which is a table line). */
export function readOutline(lines: readonly SourceLine[]): Outline {
  const roots: OutlineNode[] = [];
  const loose: Loose[] = [];
  const stack: OutlineNode[] = [];
  /** The node whose measures are being listed, if any. */
  let measuresOf: OutlineNode | undefined;
  let closed = false;

  /** The loose stretch being filled; a numbered line ends it. */
  let current: Loose | undefined;
  const addLoose = (line: SourceLine, kind: Loose['kind']): void => {
    if (current?.kind !== kind) {
      current = { lines: [], kind };
      loose.push(current);
    }
    current.lines.push(line);
  };

  for (const line of lines) {
    if (line.text === '') continue;
    const marker = readMarker(line.read);
    if (marker && measuresOf && !closed) {
      const depth = stack.findIndex((n) => n.marker.style === marker.style);
      const ownerDepth = stack.indexOf(measuresOf);
      if (depth < 0 || depth > ownerDepth) {
        // A numbered measure: `1.` under `推进举措：`.
        measuresOf.measures.push([line]);
        continue;
      }
    }
    if (marker) {
      closed = false;
      measuresOf = undefined;
      current = undefined;
      const node: OutlineNode = {
        marker,
        line,
        head: headOf(line, marker),
        body: [],
        children: [],
        labels: [],
        measures: [],
      };
      const depth = stack.findIndex((n) => n.marker.style === marker.style);
      if (depth >= 0) stack.length = depth;
      const parent = stack.at(-1);
      if (parent) parent.children.push(node);
      else roots.push(node);
      stack.push(node);
      continue;
    }
    const top = stack.at(-1);
    if (closed || !top) {
      addLoose(line, closed ? 'closing' : 'lead');
      continue;
    }
    if (isClosingLine(line.read)) {
      closed = true;
      measuresOf = undefined;
      addLoose(line, 'closing');
      continue;
    }
    if (isMeasuresLabel(line.read)) {
      top.labels.push(line);
      measuresOf = top;
      continue;
    }
    if (measuresOf) {
      const last = measuresOf.measures.at(-1);
      const lastText = last?.at(-1)?.text ?? '';
      // An unnumbered line continues the measure before it unless that one ended a sentence.
      if (last && !/[。；;！!？?]$/u.test(lastText)) last.push(line);
      else measuresOf.measures.push([line]);
      continue;
    }
    // Any other line belongs to the deepest open node.
    top.body.push(line);
  }
  return { roots, loose };
}

/** Returns every line number a node covers (its line, body, labels, measures and children). */
export function nodeLines(node: OutlineNode): number[] {
  return [node.line.no, ...node.body.map((l) => l.no), ...node.labels.map((l) => l.no), ...node.measures.flat().map((l) => l.no), ...node.children.flatMap(nodeLines)].sort(
    (a, b) => a - b,
  );
}
