// Reading GENIUS / ANAC XML. GENIUS (the negotiation environment of the automated-negotiation research community,
// and its ANAC competitions) describes a domain (issues and their discrete values) in one file and each party's
// linear additive utility profile in another. Pure: XML text in, the domain and the profiles out, or a located
// GeniusError; genius-scenario.ts turns them into a scenario.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { PeacesimError } from '../domain/errors.ts';
import { cleanText, oneLine, showPath } from '../domain/text.ts';

/** A problem with a GENIUS file: one line, naming the file (and line:column when known) and what to do. */
export class GeniusError extends PeacesimError {
  override name = 'GeniusError';
}

export interface GeniusFile {
  /** the name to show in messages (a path as given) */
  readonly file: string;
  readonly text: string;
}

interface GeniusIssue {
  /** the `index` attribute (GENIUS matches profiles to domains by it) */
  readonly index: number;
  readonly name: string;
  /** the values, in file order */
  readonly values: readonly string[];
}

export interface GeniusDomain {
  readonly file: string;
  readonly issues: readonly GeniusIssue[];
}

export interface GeniusProfile {
  readonly file: string;
  /** weight of each domain issue, in domain order */
  readonly weights: readonly number[];
  /** raw evaluation of each value of each domain issue, in domain order */
  readonly evaluations: readonly (readonly number[])[];
  /** absent in the file → undefined */
  readonly reservation?: number;
  readonly discountFactor?: number;
}

type Node = Record<string, unknown>;

const isNode = (x: unknown): x is Node => typeof x === 'object' && x !== null && !Array.isArray(x);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: true,
  // every element is a list, so one issue and many issues read the same way
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
});

/**
 * Where a chain of strings first occurs in a text (each searched after the previous one), as "line:col", for
 * messages: ['name="Salary"', 'value="60k"'] finds the value inside that issue.
 */
function lineOf(text: string, near: readonly string[]): string | undefined {
  let at = 0;
  for (const needle of near) {
    const found = text.indexOf(needle, at);
    if (found < 0) return undefined;
    at = found;
  }
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const col = at - before.lastIndexOf('\n');
  return `${line}:${col}`;
}

function fail(f: GeniusFile, message: string, near?: string | readonly string[]): never {
  const pos = near === undefined ? undefined : lineOf(f.text, typeof near === 'string' ? [near] : near);
  throw new GeniusError(`${showPath(f.file)}${pos ? `:${pos}` : ''}: ${oneLine(message)}`, 1);
}

function parse(f: GeniusFile): Node {
  const valid = XMLValidator.validate(f.text);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    throw new GeniusError(
      `${showPath(f.file)}:${line}:${col}: not well-formed XML: ${oneLine(msg)} (is this a GENIUS domain or profile file?)`,
      1,
    );
  }
  let doc: unknown;
  try {
    doc = parser.parse(f.text);
  } catch (e) {
    // the parser's own limits (nesting, entity expansion): a hostile or broken file, not a bug of ours
    fail(f, `cannot read this XML: ${(e as Error).message}; is this a GENIUS domain or profile file?`);
  }
  if (!isNode(doc))
    fail(f, 'empty XML document; expected a GENIUS <utility_space> or <negotiation_template>');
  return doc;
}

function children(node: Node, tag: string): Node[] {
  const v = node[tag];
  if (v === undefined) return [];
  const list = Array.isArray(v) ? v : [v];
  return list.map((x) => (isNode(x) ? x : {}));
}

/** An attribute's value, cleaned of control characters: every name and value the import uses comes through here. */
function attr(node: Node, name: string): string | undefined {
  const v = node[`@${name}`];
  return typeof v === 'string' ? cleanText(v) : undefined;
}

/** Every element with the given tag, depth first, in document order. */
function findAll(node: Node, tag: string, out: Node[] = []): Node[] {
  for (const [k, v] of Object.entries(node)) {
    if (k.startsWith('@') || k === '#text') continue;
    for (const child of Array.isArray(v) ? v : [v]) {
      if (!isNode(child)) continue;
      if (k === tag) out.push(child);
      findAll(child, tag, out);
    }
  }
  return out;
}

function number(
  f: GeniusFile,
  text: string | undefined,
  what: string,
  near: string | readonly string[],
): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(n)) fail(f, `${what} "${text}" is not a number`, near);
  return n;
}

interface RawIssue {
  readonly node: Node;
  readonly index: number;
  readonly name: string;
}

/** The issues of a file, checked: discrete only, one level of objectives. */
function issuesOf(f: GeniusFile, doc: Node): RawIssue[] {
  for (const space of findAll(doc, 'utility_space')) {
    const type = attr(space, 'type')?.toLowerCase();
    if (type === 'nonlinear' || type === 'constraint')
      fail(
        f,
        `a ${type} utility space is not supported; peacesim imports linear additive profiles only`,
        '<utility_space',
      );
  }
  if (findAll(doc, 'constraint').length > 0 || findAll(doc, 'ufun').length > 0)
    fail(f, 'constraints and non-linear utility functions are not supported; use a linear additive profile');
  for (const obj of findAll(doc, 'objective'))
    if (children(obj, 'objective').length > 0)
      fail(
        f,
        'nested objectives are not supported; flatten the objective tree so every issue sits under one objective',
        '<objective',
      );
  const issues = findAll(doc, 'issue');
  if (issues.length === 0)
    fail(f, 'no <issue> elements; expected <utility_space><objective><issue …><item …/></issue>…');
  const seen = new Map<number, string>();
  return issues.map((node, k) => {
    const name = attr(node, 'name') ?? `issue ${k + 1}`;
    const near = attr(node, 'name') === undefined ? '<issue' : `name="${name}"`;
    for (const a of ['type', 'etype', 'vtype']) {
      const t = attr(node, a);
      if (t !== undefined && t.toLowerCase() !== 'discrete')
        fail(
          f,
          `issue "${name}" is ${a}="${t}"; only discrete issues are supported (list its values as <item value="…"/>)`,
          near,
        );
    }
    const index = number(f, attr(node, 'index'), `issue "${name}": index`, near) ?? k + 1;
    if (seen.has(index))
      fail(
        f,
        `issues "${seen.get(index)}" and "${name}" share index ${index}; give each issue its own index`,
        near,
      );
    seen.set(index, name);
    if (children(node, 'item').length === 0)
      fail(f, `issue "${name}" has no <item value="…"/> values; a discrete issue needs at least one`, near);
    return { node, index, name };
  });
}

export function parseGeniusDomain(f: GeniusFile): GeniusDomain {
  const doc = parse(f);
  const issues = issuesOf(f, doc).map(({ node, index, name }) => {
    const values: string[] = [];
    for (const item of children(node, 'item')) {
      const value = attr(item, 'value');
      if (value === undefined) fail(f, `issue "${name}": an <item> has no value="…"`, `name="${name}"`);
      if (values.includes(value))
        fail(f, `issue "${name}" lists the value "${value}" twice; list each value once`, [
          `name="${name}"`,
          `value="${value}"`,
          `value="${value}"`,
        ]);
      values.push(value);
    }
    return { index, name, values };
  });
  return { file: f.file, issues };
}

/** A profile, checked against its domain: every issue weighted, every value evaluated. */
export function parseGeniusProfile(f: GeniusFile, domain: GeniusDomain): GeniusProfile {
  const doc = parse(f);
  const raw = issuesOf(f, doc);
  const byIndex = new Map(raw.map((x) => [x.index, x]));

  const weights = new Map<number, number>();
  for (const w of findAll(doc, 'weight')) {
    const index = number(f, attr(w, 'index'), 'weight index', '<weight');
    const value = number(f, attr(w, 'value'), 'weight value', '<weight');
    if (index === undefined || value === undefined)
      fail(f, 'a <weight> needs index="…" and value="…"', '<weight');
    if (value < 0) fail(f, `weight ${value} of issue index ${index} is negative`, `index="${index}"`);
    if (weights.has(index) && weights.get(index) !== value)
      fail(f, `two different weights for issue index ${index}`, '<weight');
    weights.set(index, value);
  }

  const scalar = (tag: string): number | undefined => {
    const el = findAll(doc, tag)[0];
    return el === undefined ? undefined : number(f, attr(el, 'value'), `<${tag}> value`, `<${tag}`);
  };
  const reservation = scalar('reservation');
  if (reservation !== undefined && (reservation < 0 || reservation > 1))
    fail(f, `reservation value ${reservation} is outside [0, 1]`, '<reservation');
  const discountFactor = scalar('discount_factor');

  const evaluations = domain.issues.map((issue) => {
    const near = `name="${issue.name}"`;
    const mine = byIndex.get(issue.index) ?? raw.find((x) => x.name === issue.name);
    if (!mine)
      fail(
        f,
        `no issue with index ${issue.index} ("${issue.name}" in ${domain.file}); is this profile for that domain?`,
      );
    if (mine.name !== issue.name)
      fail(
        f,
        `issue index ${issue.index} is "${mine.name}" here but "${issue.name}" in ${domain.file}; is this profile for that domain?`,
        `name="${mine.name}"`,
      );
    const evals = new Map<string, number>();
    for (const item of children(mine.node, 'item')) {
      const value = attr(item, 'value');
      if (value === undefined) fail(f, `issue "${issue.name}": an <item> has no value="…"`, near);
      if (!issue.values.includes(value))
        fail(
          f,
          `issue "${issue.name}": value "${value}" is not in ${domain.file} (values: ${issue.values.join(', ')})`,
          [near, `value="${value}"`],
        );
      const e = number(f, attr(item, 'evaluation'), `issue "${issue.name}", value "${value}": evaluation`, [
        near,
        `value="${value}"`,
      ]);
      if (e === undefined)
        fail(
          f,
          `issue "${issue.name}", value "${value}" has no evaluation="…"; give every value an evaluation`,
          [near, `value="${value}"`],
        );
      if (e < 0)
        fail(f, `issue "${issue.name}", value "${value}": evaluation ${e} is negative`, [
          near,
          `value="${value}"`,
        ]);
      evals.set(value, e);
    }
    return issue.values.map((v) => {
      const e = evals.get(v);
      if (e === undefined)
        fail(
          f,
          `issue "${issue.name}": value "${v}" has no <item … evaluation="…"/>; evaluate every value`,
          near,
        );
      return e;
    });
  });
  // an issue of the profile that no issue of the domain matches would be dropped with its weight, and the
  // weights that are left would read as a profile whose weights do not sum to 1
  const extra = raw.find(
    (x) =>
      !domain.issues.some(
        (issue) => (byIndex.get(issue.index) ?? raw.find((y) => y.name === issue.name)) === x,
      ),
  );
  if (extra)
    fail(
      f,
      `issue "${extra.name}" (index ${extra.index}) is not in ${domain.file} (issues: ${domain.issues.map((i) => i.name).join(', ')}); is this profile for that domain?`,
      `name="${extra.name}"`,
    );
  const weightList = domain.issues.map((issue) => {
    const w = weights.get(issue.index);
    if (w === undefined)
      fail(
        f,
        `issue "${issue.name}" (index ${issue.index}) has no <weight index="${issue.index}" value="…"/>; weight every issue`,
        `name="${issue.name}"`,
      );
    return w;
  });
  if (weightList.every((w) => w === 0))
    fail(
      f,
      'every issue has weight 0, so every bid is worth 0 to this party; give some issue a positive weight',
      '<weight',
    );
  return {
    file: f.file,
    weights: weightList,
    evaluations,
    ...(reservation === undefined ? {} : { reservation }),
    ...(discountFactor === undefined ? {} : { discountFactor }),
  };
}
