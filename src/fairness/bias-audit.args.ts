import { ArgsType, Field, Float, ID, Int } from '@nestjs/graphql';

@ArgsType()
export class BiasAuditArgs {
  @Field(() => [ID], { nullable: true, description: 'the jobs to audit together (one median over all of them); omitted: every job with records in the period' })
  jobIds?: string[] | null;

  @Field({ description: 'start of the period (inclusive): ranking audit records made at or after it' })
  from!: Date;

  @Field({ description: 'end of the period (exclusive)' })
  to!: Date;

  @Field(() => Int, { nullable: true, defaultValue: 20, description: 'the N of the selection-rate view (places 1..N of a ranking read from its top)' })
  topN!: number;

  @Field(() => Float, { nullable: true, defaultValue: 0.02, description: 'categories under this share of everyone scored are excluded from the impact ratios' })
  minShare!: number;
}
