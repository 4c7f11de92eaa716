import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphqlContext } from '../common/graphql-context';
import { ListArgs } from '../common/pagination/list.args';
import { CreateJobInput } from './create-job.input';
import { JobConnection } from './job-connection.object';
import { JobRequirementObject } from './job-requirement.object';
import { REQUIREMENTS_BY_JOB } from './job.loaders';
import { JobObject } from './job.object';
import { JobService } from './job.service';
import { UpdateJobInput } from './update-job.input';

@Resolver(() => JobObject)
export class JobResolver {
  constructor(private readonly service: JobService) {}

  @Query(() => JobObject, { nullable: true })
  job(@Args('id', { type: () => ID }) id: string): Promise<JobObject | null> {
    return this.service.findById(id);
  }

  @Query(() => JobConnection)
  jobs(@Args() args: ListArgs): Promise<JobConnection> {
    return this.service.list(args);
  }

  @Mutation(() => JobObject)
  createJob(@Args('input') input: CreateJobInput, @Context() ctx: GraphqlContext): Promise<JobObject> {
    return this.service.create(input, ctx.principal.sub);
  }

  @Mutation(() => JobObject)
  updateJob(@Args('input') input: UpdateJobInput): Promise<JobObject> {
    return this.service.update(input);
  }

  @Mutation(() => ID, { description: 'Deletes the job and its requirements; returns the id' })
  deleteJob(@Args('id', { type: () => ID }) id: string): Promise<string> {
    return this.service.delete(id);
  }

  @ResolveField(() => [JobRequirementObject])
  requirements(@Parent() job: JobObject, @Context() ctx: GraphqlContext): Promise<JobRequirementObject[]> {
    if (job.requirementsSnapshot) return Promise.resolve(job.requirementsSnapshot);
    return ctx.loaders.get(REQUIREMENTS_BY_JOB).load(job.id);
  }
}
