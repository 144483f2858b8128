// Provenance, basis and pairing as the format writes them → the domain's. Shared by every compiled item.
import type { BasisKind, Grounded, Paired, Provenance } from '../domain/types.ts';

type Prov = {
  sources?: string[] | undefined;
  confirmed?: boolean | undefined;
  recall?: boolean | undefined;
  note?: string | undefined;
};

export function provenanceOf(p: Prov): Provenance {
  const recall = p.recall === true;
  return {
    sources: p.sources ?? [],
    confirmed: p.confirmed ?? !recall,
    recall,
    ...(p.note === undefined ? {} : { note: p.note }),
  };
}

type Grounds = {
  basis?: BasisKind | undefined;
  statement?: string | undefined;
};

/** A missing basis counts as an assumption (a user's scenario may omit it; the shipped ones may not). */
export function groundsOf(p: Grounds): Grounded {
  return {
    basis: p.basis ?? 'assumption',
    basisGiven: p.basis !== undefined,
    ...(p.statement === undefined ? {} : { statement: p.statement }),
  };
}

/** Only what the file gives: an override that says nothing of its basis inherits its epoch's. */
export function partialGroundsOf(p: Grounds): Partial<Grounded> {
  return p.basis === undefined ? {} : groundsOf(p);
}

export function pairedOf(p: { counterpart?: string | undefined; oneSided?: string | undefined }): Paired {
  return {
    ...(p.counterpart === undefined ? {} : { counterpart: p.counterpart }),
    ...(p.oneSided === undefined ? {} : { oneSided: p.oneSided }),
  };
}

export function rationaleOf(p: { rationale?: string | undefined }): { rationale?: string } {
  return p.rationale === undefined ? {} : { rationale: p.rationale };
}

/** Why a position held before its sources, when the file says; `fallback`: the epoch's, for what it adds. */
export function heldEarlierOf(
  p: { heldEarlier?: string | undefined },
  fallback?: string,
): { heldEarlier?: string } {
  const reason = p.heldEarlier ?? fallback;
  return reason === undefined ? {} : { heldEarlier: reason };
}
