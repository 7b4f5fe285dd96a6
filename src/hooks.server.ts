import type { ServerInit } from '@sveltejs/kit';
import { DataValidationError } from '$lib/domain/schemas';
import { loadSituation } from '$lib/server/situation/situationSource';

// Invalid geodata stops the app at start with the list of problems (file, feature, field, reason),
// never with a stack trace.
export const init: ServerInit = () => {
  try {
    loadSituation();
  } catch (e) {
    if (e instanceof DataValidationError) {
      console.error(`corridor: cannot start: ${e.message}`);
      process.exit(1);
    }
    throw e;
  }
};
