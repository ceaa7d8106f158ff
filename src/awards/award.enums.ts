import { registerEnumType } from '@nestjs/graphql';

export enum AwardStatus {
  ACTIVE = 'ACTIVE',
  CLOSED = 'CLOSED',
}
registerEnumType(AwardStatus, {
  name: 'AwardStatus',
  description: 'Whether the award is running.',
  valuesMap: { ACTIVE: { description: 'Running.' }, CLOSED: { description: 'Ended; outcomes may still be reported.' } },
});

export enum AwardRole {
  PI = 'PI',
  CO_I = 'CO_I',
  RESEARCHER = 'RESEARCHER',
  DELEGATE = 'DELEGATE',
}
registerEnumType(AwardRole, {
  name: 'AwardRole',
  description: 'A role on an award.',
  valuesMap: {
    PI: { description: 'Principal investigator.' },
    CO_I: { description: 'Co-investigator.' },
    RESEARCHER: { description: 'Researcher on the award.' },
    DELEGATE: { description: 'Someone the PI delegated reporting to.' },
  },
});
