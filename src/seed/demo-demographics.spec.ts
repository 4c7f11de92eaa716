import { AGE_BAND_VALUES, ETHNICITY_VALUES, SEX_VALUES } from '../domain/fairness/categories';
import { demoDemographics } from './demo-demographics';
import { stableUuidSequence } from './stable-id';

describe('demo demographics', () => {
  const next = stableUuidSequence('demo-demographics-spec', 'ids');
  const ids = Array.from({ length: 5000 }, (_, i) => next(i));
  const all = ids.map(demoDemographics);

  it('is a function of the id alone, within the declared lists', () => {
    expect(demoDemographics(ids[0])).toEqual(demoDemographics(ids[0]));
    for (const d of all) {
      if (d.sex) expect(SEX_VALUES).toContain(d.sex);
      if (d.ethnicity) expect(ETHNICITY_VALUES).toContain(d.ethnicity);
      if (d.ageBand) expect(AGE_BAND_VALUES).toContain(d.ageBand);
    }
  });

  it('leaves about 10% of sexes, 15% of race/ethnicities and 30% of age bands undeclared; about 53% of men among the declared', () => {
    const share = (f: (d: (typeof all)[number]) => boolean) => all.filter(f).length / all.length;
    expect(share((d) => !d.sex)).toBeCloseTo(0.1, 1);
    expect(share((d) => !d.ethnicity)).toBeCloseTo(0.15, 1);
    expect(share((d) => !d.ageBand)).toBeCloseTo(0.3, 1);
    expect(all.filter((d) => d.sex === 'MALE').length / all.filter((d) => d.sex).length).toBeCloseTo(0.53, 1);
    expect(new Set(all.map((d) => d.ethnicity)).size).toBe(ETHNICITY_VALUES.length + 1);
  });
});
