import { Field, ID, InputType } from '@nestjs/graphql';
import { IsString, IsUUID, Matches, ValidateBy, ValidationOptions } from 'class-validator';

/** Largest credential accepted, in UTF-8 bytes (1 MiB), as the verifier's own limit. */
export const MAX_CREDENTIAL_BYTES = 1_048_576;

/** At most `max` bytes once UTF-8 encoded (MaxLength counts UTF-16 code units). */
function MaxUtf8Bytes(max: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'maxUtf8Bytes',
      constraints: [max],
      validator: {
        validate: (value: unknown) => typeof value === 'string' && Buffer.byteLength(value, 'utf8') <= max,
        defaultMessage: () => `credential must be at most ${max} bytes (UTF-8)`,
      },
    },
    options,
  );
}

@InputType('ImportBadgeInput')
export class ImportBadgeInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'candidateId must be a candidate id' })
  candidateId!: string;

  @Field({ description: 'an Open Badges 2.0/3.0 or CLR 2.0 credential: JSON text or a compact JWS/JWT' })
  @IsString()
  @Matches(/\S/, { message: 'credential must not be empty' })
  @MaxUtf8Bytes(MAX_CREDENTIAL_BYTES)
  credential!: string;
}
