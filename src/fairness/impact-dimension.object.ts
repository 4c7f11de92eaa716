import { Field, ObjectType } from '@nestjs/graphql';
import { ImpactGroupObject } from './impact-group.object';

@ObjectType('ImpactDimension')
export class ImpactDimensionObject {
  @Field({ description: "a category or an intersection, e.g. 'sex' or 'sex × ethnicity'" })
  name!: string;

  @Field(() => [String], { description: 'sex, ethnicity, ageBand' })
  categories!: string[];

  @Field(() => [ImpactGroupObject])
  groups!: ImpactGroupObject[];
}
