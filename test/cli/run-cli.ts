import { runCli } from '../../main/cli/program';

/**
 * Runs `innsender …` in-process on a data folder and captures what it prints, line by line as a terminal would
 * show it (each write ends in a newline, as processIo makes it).
 */
export async function runCliCaptured(dataDir: string, argv: string[], env: NodeJS.ProcessEnv = {}, now?: () => Date) {
  const out: string[] = [];
  const err: string[] = [];
  const line = (t: string) => (t.endsWith('\n') ? t : `${t}\n`);
  const code = await runCli({
    argv: ['--data-dir', dataDir, ...argv],
    io: { out: (t) => void out.push(line(t)), err: (t) => void err.push(line(t)) },
    version: '1.2.3',
    env,
    ...(now ? { now } : {}),
  });
  return { code, out: out.join(''), err: err.join('') };
}
