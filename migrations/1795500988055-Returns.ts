import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Returns1795500988055 implements MigrationInterface {
  name = 'Returns1795500988055';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "reporting_period" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "opens_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closes_at" TIMESTAMP WITH TIME ZONE NOT NULL, "covers_from" TIMESTAMP WITH TIME ZONE NOT NULL, "covers_to" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" text NOT NULL, CONSTRAINT "PK_273d2b68dc1854618ec53e144d0" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "submitted_return" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "award_id" uuid NOT NULL, "period_id" uuid NOT NULL, "version" integer NOT NULL, "snapshot" jsonb NOT NULL, "checksum" character(64) NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "submitted_by" text NOT NULL, "override_reason" text, CONSTRAINT "PK_dbcbdf5e7629b6c3d9c0489ec8b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_8a05f47a91b9cb332cde0fa566" ON "submitted_return"  ("award_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_6ecdbd239b1cc5903a791f72a3" ON "submitted_return"  ("award_id", "period_id", "version") `);
    await queryRunner.query(`CREATE TABLE "submitted_return_outcome" ("submitted_return_id" uuid NOT NULL, "outcome_id" uuid NOT NULL, "outcome_version" integer NOT NULL, CONSTRAINT "PK_f5d4901f416dc2f087a3622c6a1" PRIMARY KEY ("submitted_return_id", "outcome_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_f8bcd2b0d6595a4e98e8330a8b" ON "submitted_return_outcome"  ("outcome_id") `);
    await queryRunner.query(`ALTER TABLE "submitted_return" ADD CONSTRAINT "FK_8a05f47a91b9cb332cde0fa5668" FOREIGN KEY ("award_id") REFERENCES "award"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "submitted_return" ADD CONSTRAINT "FK_14c7951a77dc59dd86d0644fbf4" FOREIGN KEY ("period_id") REFERENCES "reporting_period"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "submitted_return_outcome" ADD CONSTRAINT "FK_0d9de948038d76f7cc0d096d022" FOREIGN KEY ("submitted_return_id") REFERENCES "submitted_return"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "submitted_return_outcome" DROP CONSTRAINT "FK_0d9de948038d76f7cc0d096d022"`);
    await queryRunner.query(`ALTER TABLE "submitted_return" DROP CONSTRAINT "FK_14c7951a77dc59dd86d0644fbf4"`);
    await queryRunner.query(`ALTER TABLE "submitted_return" DROP CONSTRAINT "FK_8a05f47a91b9cb332cde0fa5668"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f8bcd2b0d6595a4e98e8330a8b"`);
    await queryRunner.query(`DROP TABLE "submitted_return_outcome"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6ecdbd239b1cc5903a791f72a3"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8a05f47a91b9cb332cde0fa566"`);
    await queryRunner.query(`DROP TABLE "submitted_return"`);
    await queryRunner.query(`DROP TABLE "reporting_period"`);
  }
}
