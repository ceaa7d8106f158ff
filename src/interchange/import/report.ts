import type { ImportProblem, ImportReportData, ProblemSink } from './types.js';

/** A report lists at most this many problems (and says how many more there were): a 100,000-row file with a
 * wrong column would otherwise answer with a report larger than the file. */
export const MAX_LISTED = 10_000;

/** Collects counts and problems as an import runs; strict or lenient decides where record problems go. */
export class ReportBuilder implements ProblemSink {
  created = 0;
  updated = 0;
  unchanged = 0;
  attributed = 0;
  awardsCreated = 0;
  private readonly problems: ImportProblem[] = [];
  private readonly dataQuality: ImportProblem[] = [];
  private problemCount = 0;
  private qualityCount = 0;

  constructor(readonly lenient: boolean) {}

  /** A problem with a record or field: refuses a strict import; a lenient one skips or empties what is unsound. */
  problem = (p: ImportProblem): void => {
    if (this.lenient) this.addQuality(p);
    else this.fatal(p);
  };

  /** Worth knowing, not wrong (text kept in sourceFields): listed in lenient mode only. */
  note = (p: ImportProblem): void => {
    if (this.lenient) this.addQuality(p);
  };

  /** The file itself cannot be read: refuses the import in either mode. */
  fatal = (p: ImportProblem): void => {
    if (++this.problemCount <= MAX_LISTED) this.problems.push(p);
  };

  private addQuality(p: ImportProblem): void {
    if (++this.qualityCount <= MAX_LISTED) this.dataQuality.push(p);
  }

  get failed(): boolean {
    return this.problemCount > 0;
  }

  /** The final report; a refused import wrote nothing, so its counts are zero. */
  result(): ImportReportData {
    const more = (n: number) => ({ location: 'file', message: `${n - MAX_LISTED} more not listed` });
    const problems = this.problemCount > MAX_LISTED ? [...this.problems, more(this.problemCount)] : this.problems;
    const dataQuality = this.qualityCount > MAX_LISTED ? [...this.dataQuality, more(this.qualityCount)] : this.dataQuality;
    const counts = this.failed
      ? { created: 0, updated: 0, unchanged: 0, attributed: 0, awardsCreated: 0 }
      : { created: this.created, updated: this.updated, unchanged: this.unchanged, attributed: this.attributed, awardsCreated: this.awardsCreated };
    return { ...counts, problems, dataQuality };
  }
}
