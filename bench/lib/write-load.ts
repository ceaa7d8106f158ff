/**
 * The write load, run in a worker thread so the clients' own work (HTTP or pg) never competes with the app for
 * its event loop: `createEngagementActivity` over HTTP, or the same rows written by bare pg in one transaction
 * (outcome, detail, attribution, audit event). Started by scenarios.writes() with the job as workerData.
 */
import { parentPort, workerData } from 'node:worker_threads';
import pg from 'pg';
import { GraphQLClient, throughput } from './measure.js';
import { Rng } from './prng.js';
import { CREATE_ENGAGEMENT } from './queries.js';
import { AUDIENCE, ENGAGEMENT_FORM, ENGAGEMENT_REACH, ENGAGEMENT_YEAR, WORDS } from './vocab.js';

export interface WriteJob {
  /** graphql: createEngagementActivity; bare: the same rows with pg; floor: `{ __typename }` (the token lookup only) */
  mode: 'graphql' | 'bare' | 'floor';
  concurrency: number;
  durationMs: number;
  warmupMs: number;
  /** first sequence number: inputs differ across jobs */
  seq: number;
  baseUrl: string;
  token: string;
  databaseUrl: string;
  reference: string;
  awardId: string;
}

export function engagementInput(seq: number): Record<string, any> {
  const rng = new Rng(4242, 99, seq);
  const words = Array.from({ length: 20 }, () => rng.pick(WORDS)).join(' ');
  return {
    title: `Bench engagement ${seq}`,
    description: `Workshop with ${words}`,
    form: ENGAGEMENT_FORM.draw(rng),
    primaryAudience: AUDIENCE.draw(rng),
    otherAudiences: [AUDIENCE.draw(rng)],
    geographicReach: ENGAGEMENT_REACH.draw(rng),
    partOfOfficialScheme: false,
    years: [ENGAGEMENT_YEAR.draw(rng)],
    audienceSize: rng.int(5, 300),
  };
}

const ACTOR = 'bench-bare@localhost';

async function bareInsert(pool: pg.Pool, job: WriteJob, input: Record<string, any>): Promise<void> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    const { rows } = await c.query<{ id: string; created_at: Date }>(
      `INSERT INTO outcome (type, title, description, years, created_by, updated_by)
       VALUES ('ENGAGEMENT_ACTIVITY', $1, $2, $3, $4, $4) RETURNING id, created_at`,
      [input.title, input.description, input.years, ACTOR],
    );
    const id = rows[0].id;
    await c.query(
      `INSERT INTO engagement_activity_detail (outcome_id, form, primary_audience, other_audiences, geographic_reach,
         part_of_official_scheme, years, audience_size) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [id, input.form, input.primaryAudience, input.otherAudiences, input.geographicReach, input.partOfOfficialScheme, input.years, input.audienceSize],
    );
    await c.query('INSERT INTO outcome_award (outcome_id, award_id) VALUES ($1, $2)', [id, job.awardId]);
    await c.query(`INSERT INTO audit_event (actor, action, entity_type, entity_id, after) VALUES ($1, 'CREATE', 'Outcome', $2, $3)`, [
      ACTOR,
      id,
      JSON.stringify({ id, type: 'ENGAGEMENT_ACTIVITY', ...input, version: 1, createdAt: rows[0].created_at, awards: [job.reference] }),
    ]);
    await c.query('COMMIT');
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    c.release();
  }
}

async function run(job: WriteJob) {
  let seq = job.seq;
  let op: () => Promise<void>;
  let close: () => Promise<void>;
  if (job.mode === 'bare') {
    const pool = new pg.Pool({ connectionString: job.databaseUrl, max: job.concurrency, application_name: 'bench-bare' });
    op = () => bareInsert(pool, job, engagementInput(seq++));
    close = () => pool.end();
  } else {
    const client = new GraphQLClient(job.baseUrl, job.token);
    op = async () => {
      if (job.mode === 'floor') await client.ok('{ __typename }');
      else await client.ok(CREATE_ENGAGEMENT, { refs: [job.reference], input: engagementInput(seq++) });
    };
    close = async () => client.close();
  }
  try {
    await throughput(job.concurrency, job.warmupMs, op);
    return await throughput(job.concurrency, job.durationMs, op);
  } finally {
    await close();
  }
}

if (parentPort && workerData) {
  run(workerData as WriteJob).then(
    (result) => parentPort!.postMessage({ result }),
    (e) => parentPort!.postMessage({ error: String((e as Error)?.stack ?? e) }),
  );
}
