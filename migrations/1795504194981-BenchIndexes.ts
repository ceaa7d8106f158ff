import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes found by the funder-scale benchmark (bench/RESULTS.md: 200,000 awards, 2,000,000 outcomes):
 * - outcome_award (award_id, outcome_id) replaces (award_id): an organisation's or funder's thousands of awards
 *   give their outcomes from the index alone, without a visit to the table per attribution.
 * - outcome (id) INCLUDE (type, version, years) WHERE deleted_at IS NULL: "live, of this type, at this version,
 *   in these years" without reading the 1.3 GB outcome table (impact summaries, funding totals, return changes).
 */
export class BenchIndexes1795504194981 implements MigrationInterface {
  name = 'BenchIndexes1795504194981';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_55124415a67c876fd785b432db"`);
    await queryRunner.query(`CREATE INDEX "IDX_outcome_award_award_outcome" ON "outcome_award"  ("award_id", "outcome_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_outcome_live" ON "outcome" ("id") INCLUDE ("type", "version", "years") WHERE "deleted_at" IS NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_outcome_live"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_outcome_award_award_outcome"`);
    await queryRunner.query(`CREATE INDEX "IDX_55124415a67c876fd785b432db" ON "outcome_award" USING btree ("award_id") `);
  }
}
