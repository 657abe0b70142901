import type { Command } from 'commander';
import type { CliContext } from '../context';

/** `innsender sandbox`: runs the emulator in the foreground until Ctrl+C (or --for seconds, for scripts). */
export function registerSandboxCommand(program: Command, ctx: CliContext): void {
  program
    .command('sandbox')
    .description('run the local emulator of Maskinporten, Altinn, Skatteetaten and Dialogporten on 127.0.0.1')
    .option('--port <port>', 'port to listen on (default: a free one)', (v) => Number.parseInt(v, 10))
    .option('--state <file>', 'keep the sandbox state in this file across restarts')
    .option('--for <seconds>', 'stop after this many seconds', (v) => Number.parseInt(v, 10))
    .action(async (opts: { port?: number; state?: string; for?: number }) => {
      // The implementation loads when the command runs, not when the CLI starts (see program.ts).
      const { describeSandbox, startStandaloneSandbox } = await import('../../sandbox/standalone');
      const { emulatorModules } = await import('../../sandbox/modules');
      const host = await startStandaloneSandbox({
        ...(opts.port !== undefined ? { port: opts.port } : {}),
        ...(opts.state ? { stateFile: opts.state } : {}),
      });
      const names = emulatorModules().map((m) => m.name);
      if (ctx.json) {
        ctx.io.out(
          JSON.stringify({ ok: true, value: { baseUrl: host.baseUrl, adminToken: host.adminToken, services: names } }),
        );
      } else {
        ctx.io.out(describeSandbox(host, names));
      }
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        if (opts.for !== undefined) setTimeout(stop, opts.for * 1000).unref();
      });
      await host.stop();
    });
}
