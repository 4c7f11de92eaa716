import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type SkillCategoryValue = 'TECHNICAL' | 'DURABLE';

@Entity('skill')
export class SkillEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('text', { array: true, default: () => "'{}'" })
  aliases!: string[];

  @Column('text', { nullable: true })
  description!: string | null;

  @Column('text')
  category!: SkillCategoryValue;

  @Column('double precision', { name: 'half_life_months', nullable: true })
  halfLifeMonths!: number | null;

  @Column('text', { name: 'external_uri', nullable: true, unique: true })
  externalUri!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
