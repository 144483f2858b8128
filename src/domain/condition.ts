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

/** Some condition holds (false when there is none). */
export function anyCondition(items: readonly Condition[]): Condition {
  if (items.length === 0) return { kind: 'const', value: false };
  return items.length === 1 ? items[0]! : { kind: 'any', items };
}
