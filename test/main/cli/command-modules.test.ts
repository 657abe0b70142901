import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMAND_MODULES, commandModulesFor } from '../../../main/cli/command-modules';
import { createCliContext } from '../../../main/cli/context';

const ctx = createCliContext(
  {
    current: () => {
      throw new Error('no command runs here');
    },
    open: () => Promise.reject(new Error('no command runs here')),
  },
  { out: () => undefined, err: () => undefined },
  { json: false, lang: 'nb', dataDir: '/nowhere' },
);

/** The top-level commands the given registrations declare, in order. */
async function declared(registers: Awaited<ReturnType<typeof commandModulesFor>>): Promise<string[]> {
  const program = new Command('innsender');
  for (const register of registers) register(program, ctx);
  return program.commands.map((c) => c.name());
}

describe('the CLI’s command modules', () => {
  it('name exactly the commands each module declares, in the order help lists them', async () => {
    for (const module of COMMAND_MODULES) expect(await declared([await module.load()])).toEqual(module.names);
    expect(await declared(await commandModulesFor(undefined))).toEqual(COMMAND_MODULES.flatMap((m) => m.names));
  });

  it('load only the named command’s module, and every module for anything else', async () => {
    expect(await declared(await commandModulesFor('validate'))).toEqual(['validate']);
    expect(await declared(await commandModulesFor('audit'))).toEqual(['submit', 'outbox', 'audit']);
    const all = COMMAND_MODULES.flatMap((m) => m.names);
    for (const other of ['help', 'no-such-command', '--help', undefined])
      expect(await declared(await commandModulesFor(other))).toEqual(all);
  });
});
