import { describe, expect, it } from 'vitest';
import { commands } from '$lib/server/cli/main';

describe('the command list of corridor --help', () => {
  it('names each command with the summary its module gives, and loads the module that runs it', async () => {
    for (const entry of commands) {
      const command = await entry.load();
      expect(command.name).toBe(entry.name);
      expect(command.summary).toBe(entry.summary);
    }
  });
});
