// GENIUS / ANAC domain and profiles → peacesim scenario (genius.ts reads the XML). Pure: the parsed files in,
// the scenario object (or its YAML) out.
//
// GENIUS utility of a bid: Σ_issues weight_i × evaluation_i(value) / max evaluation_i, with the weights as given.
// peacesim divides weights by their sum when it loads a scenario; GENIUS weights sum to 1, so the two agree (and the
// description of the imported scenario says so when a profile's weights do not).
import { stringify } from 'yaml';
import { PeacesimError } from '../domain/errors.ts';
import { showPath } from '../domain/text.ts';
import {
  type GeniusDomain,
  type GeniusFile,
  type GeniusProfile,
  parseGeniusDomain,
  parseGeniusProfile,
} from './genius.ts';

/** GENIUS's value of one evaluation: divided by the largest of the issue (0 when that is below 0.00001). */
function normalisedEvaluations(evals: readonly number[]): number[] {
  const max = Math.max(...evals);
  return evals.map((e) => (max < 0.00001 ? 0 : e / max));
}

/** A scenario id from free text: lower case, [a-z0-9._-], starting with a letter or digit. */
export function slug(text: string, fallback: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .replace(/-+$/, '');
  return s === '' ? fallback : s;
}

function unique(ids: readonly string[]): string[] {
  const used = new Set<string>();
  return ids.map((id) => {
    let out = id;
    for (let k = 2; used.has(out); k++) out = `${id}-${k}`;
    used.add(out);
    return out;
  });
}

const baseName = (file: string) => (file.split(/[\\/]/).pop() ?? file).replace(/\.xml$/i, '');

export interface ConvertOptions {
  /** scenario id (default: from the domain file name) */
  readonly id?: string;
  /** the scenario's date (GENIUS files have none); default "2010", the year of the first ANAC */
  readonly date?: string;
}

/** The scenario, as the plain object a scenario file holds (valid per the schema). */
function geniusToScenario(
  domain: GeniusDomain,
  profiles: readonly GeniusProfile[],
  options: ConvertOptions = {},
): Record<string, unknown> {
  if (profiles.length < 2)
    throw new PeacesimError('give at least two GENIUS profiles: a scenario needs two actors', 2);
  const issueIds = unique(domain.issues.map((x, k) => slug(x.name, `issue-${k + 1}`)));
  const optionIds = domain.issues.map((x) => unique(x.values.map((v, k) => slug(v, `value-${k + 1}`))));
  const actorIds = unique(profiles.map((p, k) => slug(baseName(p.file), `party-${k + 1}`)));
  const fmt = (x: number) => String(x);

  const issues = domain.issues.map((issue, i) => ({
    id: issueIds[i]!,
    label: issue.name,
    options: issue.values.map((v, k) => ({ id: optionIds[i]![k]!, label: v === '' ? optionIds[i]![k]! : v })),
    statusQuo: optionIds[i]![0]!,
  }));

  const actors = profiles.map((p, a) => {
    const preferences: Record<string, unknown> = {};
    domain.issues.forEach((_, i) => {
      const evals = p.evaluations[i]!;
      const norm = normalisedEvaluations(evals);
      const max = Math.max(...evals);
      preferences[issueIds[i]!] = {
        weight: p.weights[i]!,
        values: Object.fromEntries(optionIds[i]!.map((id, k) => [id, norm[k]!])),
        rationale: `GENIUS profile ${baseName(p.file)}: evaluations ${evals.map(fmt).join(', ')} divided by the largest (${fmt(max)}); weight ${fmt(p.weights[i]!)} as given`,
      };
    });
    const discount =
      p.discountFactor === undefined
        ? 'no discount factor given'
        : `discount factor ${fmt(p.discountFactor)} (kept as metadata: peacesim does not discount by time)`;
    return {
      id: actorIds[a]!,
      name: baseName(p.file),
      description: `GENIUS profile ${p.file}; ${discount}.`,
      preferences,
      reservation: {
        value: p.reservation ?? 0,
        rationale:
          p.reservation === undefined
            ? 'the profile gives no reservation value; GENIUS then uses 0'
            : `the profile's <reservation value="${fmt(p.reservation)}"/>`,
      },
    };
  });

  const sums = profiles.map((p, a) => {
    const sum = p.weights.reduce((x, y) => x + y, 0);
    return { id: actorIds[a]!, sum };
  });
  const offSum = sums.filter((x) => Math.abs(x.sum - 1) > 1e-9);
  const weightNote =
    offSum.length === 0
      ? "Every profile's weights sum to 1, so peacesim's utilities (weights divided by their sum) equal GENIUS's."
      : `Weights do not sum to 1 for ${offSum.map((x) => `${x.id} (${fmt(Number(x.sum.toPrecision(12)))})`).join(', ')}: peacesim divides weights by their sum, so those utilities are GENIUS's divided by that sum.`;
  const discounts = profiles.map(
    (p, a) => `${actorIds[a]!} ${p.discountFactor === undefined ? 'none' : fmt(p.discountFactor)}`,
  );
  const description = [
    `Imported from the GENIUS/ANAC XML domain ${domain.file} and the profiles ${profiles.map((p) => p.file).join(', ')}, in that order.`,
    'Utilities follow GENIUS: each evaluation is divided by the largest evaluation of its issue in that profile, times the issue weight, summed.',
    weightNote,
    "GENIUS has no status quo: each issue's status quo here is the first value listed in the domain file, a placeholder that matters only for controllers (there are none).",
    `Discount factors, kept as metadata (peacesim does not discount by time): ${discounts.join(', ')}.`,
    "Every actor is a party; reservation values are the profiles' (0 when absent).",
  ].join('\n');

  return {
    format: 1,
    id: options.id ?? slug(baseName(domain.file), 'genius-domain'),
    title: `GENIUS domain ${baseName(domain.file)}`,
    summary: `${domain.issues.length} discrete issues and ${profiles.length} linear additive profiles imported from GENIUS XML.`,
    date: options.date ?? '2010',
    description,
    issues,
    actors,
    protocol: {
      kind: 'alternating-offers',
      parties: actorIds,
      maxRounds: 100,
    },
  };
}

/** Domain and profiles (XML text) → scenario YAML text. */
export function geniusToYaml(
  domainFile: GeniusFile,
  profileFiles: readonly GeniusFile[],
  options: ConvertOptions = {},
): string {
  const domain = parseGeniusDomain(domainFile);
  const profiles = profileFiles.map((f) => parseGeniusProfile(f, domain));
  const scenario = geniusToScenario(domain, profiles, options);
  // file names as given on the command line: quoted if odd, so that none can end the comment line
  const header = `# Imported by \`peacesim import genius\` from ${showPath(domainFile.file)} and ${profileFiles.map((f) => showPath(f.file)).join(', ')}.\n`;
  // YAML 1.1 quoting: values like "no", "yes", "on" stay strings for every YAML reader, not only 1.2 ones
  return header + stringify(scenario, { lineWidth: 0, version: '1.1' });
}
