/** The award part of a GtR project page: title, organisation lines, then the Abstract and Planned Impact sections. */
import { cleanValue, type SourceLine } from './blocks.js';
import type { GtrAward, ImportProblem } from './types.js';

const LEAD = 'Lead Research Organisation:';
const DEPARTMENT = 'Department Name:';
const ABSTRACT = 'Abstract';
const PLANNED = 'Planned Impact';

type Section = 'meta' | 'abstract' | 'planned';

export function parseHeader(lines: readonly SourceLine[], report: (p: ImportProblem) => void): GtrAward {
  const title = cleanValue([lines[0]?.text ?? '']);
  if (!title) report({ location: 'line 1', field: 'Title', message: 'The award title (first line) is missing' });
  const award: GtrAward = { title };
  const text: Record<'abstract' | 'planned', string[]> = { abstract: [], planned: [] };
  let section: Section = 'meta';
  for (const { no, text: line } of lines.slice(1)) {
    const bare = cleanValue([line]);
    if (section !== 'planned' && bare === PLANNED) section = 'planned';
    else if (section === 'meta' && bare === ABSTRACT) section = 'abstract';
    else if (section !== 'meta') text[section].push(line);
    else if (bare.startsWith(LEAD)) setIfAny(award, 'leadOrganisation', bare.slice(LEAD.length));
    else if (bare.startsWith(DEPARTMENT)) setIfAny(award, 'department', bare.slice(DEPARTMENT.length));
    else if (bare) {
      // The header has no other fields: an unknown line is reported rather than silently dropped.
      report({ location: `line ${no}`, value: bare, message: 'Unexpected line in the award header' });
    }
  }
  setIfAny(award, 'abstract', cleanValue(text.abstract));
  setIfAny(award, 'plannedImpact', cleanValue(text.planned));
  return award;
}

function setIfAny(award: GtrAward, key: 'leadOrganisation' | 'department' | 'abstract' | 'plannedImpact', value: string): void {
  const v = value.trim();
  if (v) award[key] = v;
}

/** The header as GtR lays it out: sections separated by one blank line. */
export function renderHeader(award: GtrAward): string {
  const sections: string[] = [oneLine(award.title ?? '')];
  const meta: string[] = [];
  if (award.leadOrganisation) meta.push(`${LEAD} ${oneLine(award.leadOrganisation)}`);
  if (award.department) meta.push(`${DEPARTMENT} ${oneLine(award.department)}`);
  if (meta.length) sections.push(meta.join('\n'));
  if (award.abstract?.trim()) sections.push(`${ABSTRACT}\n\n${cleanValue(award.abstract.split('\n'))}`);
  if (award.plannedImpact?.trim()) sections.push(`${PLANNED}\n\n${cleanValue(award.plannedImpact.split('\n'))}`);
  return sections.join('\n\n');
}

// These header values sit on one line; a line break inside would end them early on re-import.
function oneLine(value: string): string {
  return value.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
