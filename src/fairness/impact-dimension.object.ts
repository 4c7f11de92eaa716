import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ImpactGroupObject } from './impact-group.object';

@ObjectType('ImpactDimension')
export class ImpactDimensionObject {
  @Field({ description: "a category or an intersection, e.g. 'sex' or 'sex × ethnicity'" })
  name!: string;

  @Field({ description: "as the summary prints it, e.g. 'Sex × Race/Ethnicity'" })
  title!: string;

  @Field(() => [String], { description: 'sex, ethnicity, ageBand' })
  categories!: string[];

  @Field(() => Int, { description: 'people scored whose category is unknown here (any of the categories undeclared): left out of every group, rate and ratio' })
  unknownCount!: number;

  @Field(() => [ImpactGroupObject], { description: 'the known categories present, in category order' })
  groups!: ImpactGroupObject[];
}
