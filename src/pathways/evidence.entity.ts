import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Award } from '../awards/award.entity.js';
import { Outcome } from '../outcomes/outcome.entity.js';

export enum EvidenceKind {
  QUOTE = 'QUOTE',
  TESTIMONIAL = 'TESTIMONIAL',
  DOCUMENT = 'DOCUMENT',
  MEDIA = 'MEDIA',
  DATA = 'DATA',
  WEB_PAGE = 'WEB_PAGE',
}

/** Human labels, used by the case study and the return renderings. */
export const EVIDENCE_KIND_LABELS: Record<EvidenceKind, string> = {
  QUOTE: 'Quote',
  TESTIMONIAL: 'Testimonial',
  DOCUMENT: 'Document',
  MEDIA: 'Media coverage',
  DATA: 'Data',
  WEB_PAGE: 'Web page',
};

registerEnumType(EvidenceKind, {
  name: 'EvidenceKind',
  description: 'What kind of source corroborates the impact.',
  valuesMap: {
    QUOTE: { description: 'A quotation from someone who saw the impact (interview, submission).' },
    TESTIMONIAL: { description: 'A testimonial letter or statement from a beneficiary.' },
    DOCUMENT: { description: 'A report, policy paper or other document.' },
    MEDIA: { description: 'Press, broadcast or other media coverage.' },
    DATA: { description: 'Figures or a data set showing the change.' },
    WEB_PAGE: { description: 'A web page.' },
  },
});

/**
 * A source that corroborates impact (REF "sources to corroborate"), recorded against an award and some of its
 * outcomes. Confidential evidence is for the award's team, its impact officers and admins only.
 */
@ObjectType({ description: 'A source that corroborates impact: a quote, testimonial, document, media piece, data or web page.' })
@Entity()
@Index(['awardId', 'createdAt'])
export class Evidence {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Award, { nullable: false, onDelete: 'RESTRICT' })
  award: Relation<Award>;

  @Column('uuid')
  awardId: string;

  @Field(() => EvidenceKind, { description: 'Kind of source.' })
  @Column('varchar', { length: 16 })
  kind: EvidenceKind;

  @Field({ description: 'What the source shows, in a sentence.' })
  @Column('text')
  summary: string;

  @Field(() => String, { nullable: true, description: 'The words quoted, verbatim.' })
  @Column('text', { nullable: true })
  quote: string | null;

  @Field(() => String, { nullable: true, description: 'Who the source is, by role, e.g. "CEO, case 6".' })
  @Column('text', { nullable: true })
  sourceRole: string | null;

  @Field(() => String, { nullable: true, description: 'The organisation of the source.' })
  @Column('text', { nullable: true })
  sourceOrganisation: string | null;

  @Field(() => String, { nullable: true, description: 'When: YYYY, YYYY-MM or YYYY-MM-DD.' })
  @Column('varchar', { length: 10, nullable: true })
  date: string | null;

  @Field(() => String, { nullable: true, description: 'Where to find it (http or https).' })
  @Column('text', { nullable: true })
  url: string | null;

  @Field({ description: "For internal use only: shown to the award's team, its impact officers and admins, never to funders or in returns." })
  @Column('boolean', { default: false })
  confidential: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('text')
  createdBy: string;
}

/** Which outcomes a piece of evidence corroborates. */
@Entity()
export class EvidenceOutcome {
  @PrimaryColumn('uuid')
  evidenceId: string;

  @Index()
  @PrimaryColumn('uuid')
  outcomeId: string;

  @ManyToOne(() => Evidence, { onDelete: 'CASCADE' })
  evidence: Relation<Evidence>;

  @ManyToOne(() => Outcome, { onDelete: 'CASCADE' })
  outcome: Relation<Outcome>;
}
