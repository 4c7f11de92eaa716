import { registerEnumType } from '@nestjs/graphql';
import { AGE_BAND_VALUES, ETHNICITY_VALUES, SEX_VALUES } from '../domain/fairness/categories';

const asEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const SexEnum = asEnum(SEX_VALUES);
export const EthnicityEnum = asEnum(ETHNICITY_VALUES);
export const AgeBandEnum = asEnum(AGE_BAND_VALUES);

registerEnumType(SexEnum, { name: 'Sex', description: 'self-declared; optional. MALE, FEMALE, and the further categories NON_BINARY and OTHER (another sex)' });
registerEnumType(EthnicityEnum, {
  name: 'Ethnicity',
  description:
    'self-declared race/ethnicity; optional. The EEO-1 categories (Hispanic or Latino; or one race, not Hispanic or Latino: White, Black or African American, Native Hawaiian or Other Pacific Islander, Asian, American Indian or Alaska Native, Two or More Races) and Middle Eastern or North African (2024 federal standard)',
});
registerEnumType(AgeBandEnum, { name: 'AgeBand', description: 'self-declared; optional' });
