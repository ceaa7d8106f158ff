import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Award } from '../awards/award.entity.js';
import { OutcomeModel, type OutcomeView } from '../outcomes/outcome.models.js';
import { ImpactPlanItem } from './impact-plan.entity.js';

@ObjectType({ description: 'A plan item with the outcomes that delivered it (none yet: undelivered).' })
export class PlanItemProgress {
  @Field(() => ID, { description: "The plan item's id." })
  id: string;

  @Field(() => ImpactPlanItem, { description: 'The plan item.' })
  item: ImpactPlanItem;

  @Field(() => [OutcomeModel], { description: 'Live outcomes of the award linked to the item, oldest first; empty when undelivered.' })
  delivered: OutcomeView[];
}

@ObjectType({ description: "Planned against delivered: every item of an award's impact plan with what delivered it." })
export class PathwayProgress {
  @Field(() => Award, { description: 'The award.' })
  award: Award;

  @Field(() => [PlanItemProgress], { description: 'Every plan item, in the order they were added, undelivered ones included.' })
  items: PlanItemProgress[];
}

@ObjectType({ description: 'A REF-style impact case study drafted from the records: the same text as Markdown and as HTML.' })
export class ImpactCaseStudy {
  @Field({ description: 'The draft as Markdown. Its sources section is headed "Sources to corroborate the impact".' })
  markdown: string;

  @Field({ description: 'The draft as a self-contained HTML page (everything escaped, no scripts, no external assets).' })
  html: string;
}
