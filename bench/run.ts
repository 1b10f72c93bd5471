/**
 * `npm run bench`: runs every bench in this folder, one after the other (never in parallel: they
 * would time each other). `npm run bench -- exposure` runs only the named ones.
 * A new bench is a file exporting `run(): Promise<void>` plus one line in BENCHES.
 */
import { machineFacts } from './support';
import * as exposure from './exposure.bench';
import * as reports from './reports.bench';
import * as simulation from './simulation.bench';

const BENCHES: Record<string, () => Promise<void>> = {
  exposure: exposure.run,
  simulation: simulation.run,
  reports: reports.run,
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !(name in BENCHES));
  if (unknown.length > 0) {
    throw new Error(
      `unknown bench ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`,
    );
  }
  console.log(machineFacts());
  for (const [name, run] of Object.entries(BENCHES)) {
    if (wanted.length === 0 || wanted.includes(name)) await run();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
