import 'reflect-metadata';
import { runTokenCommand } from './token-command';

/** `npm run -s token -- --role RECRUITER --sub alice [--candidate <id>] [--ttl 8h]`: see token-command.ts. */
runTokenCommand(process.argv.slice(2), process.env, (line) => process.stderr.write(`token: ${line}\n`)).then(
  (token) => process.stdout.write(`${token}\n`),
  (error: unknown) => {
    process.stderr.write(`token: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
