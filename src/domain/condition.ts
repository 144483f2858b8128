// Evaluation and inspection of compiled conditions (the constraint language of red lines and rules).
import type { Condition, Package } from './types.ts';

export function holds(c: Condition, pkg: Package): boolean {
  switch (c.kind) {
    case 'const':
      return c.value;
    case 'lit':
      return c.allowed[pkg[c.issue]!] === 1;
    case 'all':
      for (const item of c.items) if (!holds(item, pkg)) return false;
      return true;
    case 'any':
      for (const item of c.items) if (holds(item, pkg)) return true;
      return false;
    case 'not':
      return !holds(c.item, pkg);
    case 'if':
      return holds(c.cond, pkg) ? holds(c.yes, pkg) : holds(c.no, pkg);
  }
}

/** The sorted issue indices a condition reads. */
export function scopeOf(c: Condition): number[] {
  const seen = new Set<number>();
  const walk = (x: Condition): void => {
    switch (x.kind) {
      case 'const':
        return;
      case 'lit':
        seen.add(x.issue);
        return;
      case 'all':
      case 'any':
        x.items.forEach(walk);
        return;
      case 'not':
        walk(x.item);
        return;
      case 'if':
        walk(x.cond);
        walk(x.yes);
        walk(x.no);
        return;
    }
  };
  walk(c);
  return [...seen].sort((a, b) => a - b);
}

/**
 * The options of each issue that can appear in some package satisfying `c`, when `c` is a plain conjunction of
 * literals; null for issues the condition does not restrict on its own. Used to prune search.
 */
export function unaryMasks(c: Condition, optionCounts: readonly number[]): (Uint8Array | null)[] {
  const masks: (Uint8Array | null)[] = optionCounts.map(() => null);
  const conj = (x: Condition): void => {
    if (x.kind === 'lit') {
      const prev = masks[x.issue];
      const next = Uint8Array.from(x.allowed);
      if (prev) for (let o = 0; o < next.length; o++) next[o] = next[o]! & prev[o]!;
      masks[x.issue] = next;
    } else if (x.kind === 'all') {
      x.items.forEach(conj);
    } else if (x.kind === 'const' && !x.value) {
      for (let i = 0; i < optionCounts.length; i++) masks[i] = new Uint8Array(optionCounts[i]!);
    }
  };
  conj(c);
  return masks;
}

/** Some condition holds (false when there is none). */
export function anyCondition(items: readonly Condition[]): Condition {
  if (items.length === 0) return { kind: 'const', value: false };
  return items.length === 1 ? items[0]! : { kind: 'any', items };
}
