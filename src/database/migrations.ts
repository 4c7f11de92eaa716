import { InitialSchema1764374400000 } from '../../migrations/1764374400000-initial-schema';

/** Every migration, in order. New migrations are generated into migrations/ and listed here. */
export const MIGRATIONS = [InitialSchema1764374400000];
