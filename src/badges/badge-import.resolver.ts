import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { EarnedCredentialObject } from '../candidates/earned-credential.object';
import { GraphqlContext } from '../common/graphql-context';
import { BadgeImportService, EARNED_CREDENTIAL_CHECKS, ImportedCredentialObject } from './badge-import.service';
import { ImportBadgeInput } from './import-badge.input';
import { VerificationCheckObject } from './verification-check.object';

@Resolver(() => EarnedCredentialObject)
export class BadgeImportResolver {
  constructor(private readonly service: BadgeImportService) {}

  @Mutation(() => EarnedCredentialObject, {
    description:
      'Verifies an Open Badges 2.0/3.0 or CLR 2.0 credential offline (integrity: proof; trust: issuer-trust) and records it for the candidate: ' +
      'onto a catalogue credential only when VERIFIED by an issuer the trust list trusts for that credential\'s issuer, else as the learner\'s own record ' +
      '(Credential.learnerRecord). Evidence for its skills unless verification FAILED or it is REVOKED. Importing the same credential again returns the existing record. ' +
      'For a CLR: the first credential.',
  })
  importBadge(@Args('input') input: ImportBadgeInput): Promise<EarnedCredentialObject> {
    return this.service.importOne(input);
  }

  @Mutation(() => [EarnedCredentialObject], { description: 'As importBadge, returning every credential of the input (a CLR holds several)' })
  importBadges(@Args('input') input: ImportBadgeInput): Promise<EarnedCredentialObject[]> {
    return this.service.importAll(input);
  }

  @ResolveField(() => [VerificationCheckObject], { description: 'How an imported credential was verified; [] for an awarded catalogue credential' })
  verificationChecks(@Parent() earned: EarnedCredentialObject, @Context() ctx: GraphqlContext): Promise<VerificationCheckObject[]> | VerificationCheckObject[] {
    const known = (earned as Partial<ImportedCredentialObject>).verificationChecks;
    // in a masked ranking: the outcomes only, not the details (which may name the recipient)
    if (earned.maskedId) return ctx.loaders.get(EARNED_CREDENTIAL_CHECKS).load(earned.maskedId).then((checks) => checks.map((c) => ({ ...c, detail: null })));
    return known ?? ctx.loaders.get(EARNED_CREDENTIAL_CHECKS).load(earned.id);
  }
}
