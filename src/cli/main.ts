// `gatehouse <command>`: dispatches to the commands.
import { serveCommand } from './serve';

const usage = `Usage: gatehouse <command> [options]

Commands:
  serve     Run the Kratos-compatible server (public API, admin API) headless
  help      Show this help

Run "gatehouse serve --help" for the options of serve.`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve':
      return serveCommand(rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(`${usage}\n`);
      return command === undefined ? 1 : 0;
    default:
      process.stderr.write(`gatehouse: unknown command "${command}"\n\n${usage}\n`);
      return 2;
  }
}
