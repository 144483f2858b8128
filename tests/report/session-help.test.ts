// A facilitator's session file comes from the play screen (s), not only from run --save: the help of the commands
// that read one says so, or the file a room just saved looks like the wrong kind.
import { describe, expect, it } from 'vitest';
import { cliOk } from '../cli-in-process.ts';

describe('the commands that read a session file', () => {
  for (const command of ['report', 'resume'])
    it(`should name the play screen as a source of the file (${command} --help)`, async () => {
      const help = (await cliOk(command, '--help')).replace(/\s+/g, ' ');
      expect(help).toContain('written by peacesim run --save, or by s on the play screen of peacesim tui');
    });
});
