import { DEFAULT_HALF_LIFE_MONTHS, SkillCategory } from './skill-category.enum';
import { SkillEntity } from './skill.entity';
import { SkillObject } from './skill.object';

export function toSkillObject(entity: SkillEntity): SkillObject {
  const category = entity.category as SkillCategory;
  return {
    id: entity.id,
    name: entity.name,
    aliases: entity.aliases ?? [],
    description: entity.description,
    category,
    halfLifeMonths: entity.halfLifeMonths ?? DEFAULT_HALF_LIFE_MONTHS[category],
    ownHalfLifeMonths: entity.halfLifeMonths,
    externalUri: entity.externalUri,
  };
}
