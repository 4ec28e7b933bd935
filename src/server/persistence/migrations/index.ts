// Every migration, in order. Each domain adds its own file; versions never change once released.
import { identities } from './20261121000001_identities';
import { mailsink } from './20261121000100_mailsink';
import { courier } from './20261121000200_courier';
import { sessions } from './20261121000300_sessions';
import { selfservice } from './20261121000400_selfservice';
import { codes } from './20261121000500_codes';
import { flowsRowid } from './20261121000600_flows_rowid';
import type { Migration } from './migration';

export const migrations: Migration[] = [
  identities,
  mailsink,
  courier,
  sessions,
  selfservice,
  codes,
  flowsRowid,
];
