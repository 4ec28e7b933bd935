// `npm run bench [name...]`: runs the benchmarks (all by default) and exits non-zero when a target is missed.
import { benchIdentities } from './identities';
import { benchMailsink } from './mailsink';
import { benchSessions } from './sessions';

const benches: Record<string, () => Promise<boolean>> = {
  identities: benchIdentities,
  sessions: benchSessions,
  mailsink: benchMailsink,
};

const wanted = process.argv.slice(2);
let ok = true;
for (const [name, bench] of Object.entries(benches)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  ok = (await bench()) && ok;
}
process.exitCode = ok ? 0 : 1;
