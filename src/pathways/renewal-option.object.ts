import { Field, Float, ObjectType } from '@nestjs/graphql';

@ObjectType('RenewalOption', { description: 'The cheapest credential that renews a skill or a credential' })
export class RenewalOptionObject {
  credentialId!: string;

  @Field(() => Float, { description: 'including missing prerequisites (a held credential is re-earned at its own price)' })
  hours!: number;

  @Field(() => Float, { description: 'including missing prerequisites (a held credential is re-earned at its own price)' })
  cost!: number;

  prerequisitesMissingIds!: string[];
}
