/** npm run migrate: bring the store's schema up to date. Safe to run any number of times. */
import { createStore, StoreLockedError } from "../clickhouse/client";
import { migrate } from "../clickhouse/migrate";

async function main() {
  const store = createStore();
  try {
    const applied = await migrate(store, (line) => console.log(line));
    console.log(applied ? `${applied} migration(s) applied.` : "The schema is up to date.");
  } finally {
    await store.close();
  }
}

main().catch((err) => {
  // A running app migrates on start, so a locked store needs nothing from us.
  if (err instanceof StoreLockedError) console.error(`migrate: ${err.message} (the app migrates on start)`);
  else console.error(`migrate: ${(err as Error).message}`);
  process.exit(1);
});
