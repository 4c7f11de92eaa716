import { registerEnumType } from '@nestjs/graphql';
import { AGE_BAND_VALUES, ETHNICITY_VALUES, SEX_VALUES } from '../domain/fairness/categories';

const asEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const SexEnum = asEnum(SEX_VALUES);
export const EthnicityEnum = asEnum(ETHNICITY_VALUES);
export const AgeBandEnum = asEnum(AGE_BAND_VALUES);

registerEnumType(SexEnum, { name: 'Sex', description: 'self-declared; optional' });
registerEnumType(EthnicityEnum, { name: 'Ethnicity', description: 'self-declared race/ethnicity; optional' });
registerEnumType(AgeBandEnum, { name: 'AgeBand', description: 'self-declared; optional' });
