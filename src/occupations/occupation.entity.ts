import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('occupation')
export class OccupationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('text', { array: true, default: () => "'{}'" })
  aliases!: string[];

  @Column('text', { nullable: true })
  description!: string | null;

  @Column('text', { name: 'external_uri', nullable: true, unique: true })
  externalUri!: string | null;

  @Column('text', { name: 'isco_group', nullable: true })
  iscoGroup!: string | null;
}
