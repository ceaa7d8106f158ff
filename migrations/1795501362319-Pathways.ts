import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Pathways1795501362319 implements MigrationInterface {
  name = 'Pathways1795501362319';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "evidence" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "award_id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "summary" text NOT NULL, "quote" text, "source_role" text, "source_organisation" text, "date" character varying(10), "url" text, "confidential" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" text NOT NULL, CONSTRAINT "PK_b864cb5d49854f89917fc0b44b9" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_10bfea21ffb39dcc68ca62ad7d" ON "evidence"  ("award_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "evidence_outcome" ("evidence_id" uuid NOT NULL, "outcome_id" uuid NOT NULL, CONSTRAINT "PK_81fa36bb2eb89bf7d122e4a8046" PRIMARY KEY ("evidence_id", "outcome_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_f1d16154a7916b8e234a325a8e" ON "evidence_outcome"  ("outcome_id") `);
    await queryRunner.query(`CREATE TABLE "impact_plan_item" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "award_id" uuid NOT NULL, "beneficiary_group" text NOT NULL, "description" text NOT NULL, "planned_activity" text, "target_year" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" text NOT NULL, CONSTRAINT "PK_3ff13ae3340e16dc5a787f4e90b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_d85c750d4d66951d581e882851" ON "impact_plan_item"  ("award_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "plan_item_outcome" ("plan_item_id" uuid NOT NULL, "outcome_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" text NOT NULL, CONSTRAINT "PK_b854efb1d2860cd957be10cb0f7" PRIMARY KEY ("plan_item_id", "outcome_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_c02797e3601b26bedbff1e45df" ON "plan_item_outcome"  ("outcome_id") `);
    await queryRunner.query(`ALTER TABLE "evidence" ADD CONSTRAINT "FK_249a0c59cc071d9bb9f7293e176" FOREIGN KEY ("award_id") REFERENCES "award"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "evidence_outcome" ADD CONSTRAINT "FK_6160ca942dab30e8346791c29c1" FOREIGN KEY ("evidence_id") REFERENCES "evidence"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "evidence_outcome" ADD CONSTRAINT "FK_f1d16154a7916b8e234a325a8e1" FOREIGN KEY ("outcome_id") REFERENCES "outcome"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "impact_plan_item" ADD CONSTRAINT "FK_510e3087e5065e2f3699839a2e8" FOREIGN KEY ("award_id") REFERENCES "award"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "plan_item_outcome" ADD CONSTRAINT "FK_e3afc2873667b22f3d46591431f" FOREIGN KEY ("plan_item_id") REFERENCES "impact_plan_item"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "plan_item_outcome" ADD CONSTRAINT "FK_c02797e3601b26bedbff1e45dfc" FOREIGN KEY ("outcome_id") REFERENCES "outcome"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "plan_item_outcome" DROP CONSTRAINT "FK_c02797e3601b26bedbff1e45dfc"`);
    await queryRunner.query(`ALTER TABLE "plan_item_outcome" DROP CONSTRAINT "FK_e3afc2873667b22f3d46591431f"`);
    await queryRunner.query(`ALTER TABLE "impact_plan_item" DROP CONSTRAINT "FK_510e3087e5065e2f3699839a2e8"`);
    await queryRunner.query(`ALTER TABLE "evidence_outcome" DROP CONSTRAINT "FK_f1d16154a7916b8e234a325a8e1"`);
    await queryRunner.query(`ALTER TABLE "evidence_outcome" DROP CONSTRAINT "FK_6160ca942dab30e8346791c29c1"`);
    await queryRunner.query(`ALTER TABLE "evidence" DROP CONSTRAINT "FK_249a0c59cc071d9bb9f7293e176"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c02797e3601b26bedbff1e45df"`);
    await queryRunner.query(`DROP TABLE "plan_item_outcome"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d85c750d4d66951d581e882851"`);
    await queryRunner.query(`DROP TABLE "impact_plan_item"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f1d16154a7916b8e234a325a8e"`);
    await queryRunner.query(`DROP TABLE "evidence_outcome"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_10bfea21ffb39dcc68ca62ad7d"`);
    await queryRunner.query(`DROP TABLE "evidence"`);
  }
}
