import { Option, type Command } from 'commander';
import { servicesOnDemand, type CliContext } from '../context';
import { printError } from '../output';
import { isValidOrgNumber, normaliseOrgNumber } from '../../../shared/domain/org-number';
import { EnvironmentNameSchema } from '../../../shared/domain/profile';
import { SCHEME_IDS, type SchemeId } from '../../../shared/tredjepart/schemes';

interface ValidateOptions {
  profileOrg?: string;
  env?: string;
  route?: boolean;
  scheme?: SchemeId;
}

/**
 * `innsender validate <file…>`: the Reports page's checks for scripts. With `--route`, files and folders for many
 * clients are routed by org number as on the Reports page, tredjepart files checked with their target's rules (its
 * scheme from its fields, or `--scheme` when they fit several), and the routing table printed (exit 2 when a file
 * could not be read, 1 when a report has errors, a tredjepart file's scheme is not chosen, or a file is for an
 * organisation that is no client or profile). The organisation and environment come
 * from the active profile unless given, and so do the a-meldinger its outbox has sent or is sending; exit 0 when nothing blocks submission, 1 when errors were found, 2 when
 * a file could not be read as a report.
 */
export function registerValidateCommand(program: Command, ctx: CliContext): void {
  // A plain check needs only the active profile and its outbox's submissions (validate-data.ts); --route opens the
  // app's services, for the firm's clients and the register.
  const validate = servicesOnDemand(program.command('validate'));
  validate
    .description('check a-meldinger and RF-1086 files offline (XSD and the rules), print findings and a summary')
    .argument(
      '<file...>',
      'report files (with --route also folders); the main and shareholder forms of one RF-1086 are checked together',
    )
    .option(
      '--route',
      "route each file by its org number to the firm's client or set-up profile it is for, check it with that one's rules, and print the routing table",
    )
    .addOption(
      new Option(
        '--scheme <scheme>',
        'with --route: the scheme of each tredjepart file whose fields fit several (as chosen on the Reports page)',
      ).choices(SCHEME_IDS),
    )
    .option(
      '--profile-org <orgnr>',
      "the organisation that must be the report's reporting entity (default: the active profile's)",
    )
    .addOption(
      new Option('--env <environment>', "whose rules apply (default: the active profile's, else production)").choices(
        EnvironmentNameSchema.options,
      ),
    )
    .action(async (files: string[], opts: ValidateOptions) => {
      if (opts.route) {
        // Each file gets its own client's (or profile's) org and environment, so --profile-org and --env do not apply.
        // Its tredjepart files are checked by the same service the Reports page asks, with the same rules.
        const { formatRoutedReports, routedExitCode } = await import('../../reports/format-routed-reports');
        const { withSchemeChosen } = await import('../../reports/routed-tredjepart');
        const { reports } = await ctx.appServices();
        const routing = await reports.routePaths(files);
        const routed = opts.scheme
          ? await withSchemeChosen(routing, opts.scheme, (fileId, scheme) =>
              reports.checkRoutedTredjepart(fileId, scheme),
            )
          : routing;
        ctx.io.out(
          ctx.json ? JSON.stringify({ ok: true, value: routed }) : `${formatRoutedReports(routed, ctx.lang)}\n`,
        );
        ctx.setExit(routedExitCode(routed));
        return;
      }
      if (opts.scheme) {
        const message = {
          nb: '--scheme gjelder bare med --route: ordningen til tredjepartsfiler som fordeles.',
          en: '--scheme applies only with --route: the scheme of routed tredjepart files.',
        };
        ctx.setExit(printError(ctx.io, { code: 'VALIDATE_SCHEME_WITHOUT_ROUTE', message }, ctx.json, ctx.lang));
        return;
      }
      // The XSD worker the check will want starts now, while this thread loads the check (xsd-warm-up.ts).
      const { warmUpXsdWorker } = await import('../../reports/xsd-warm-up');
      warmUpXsdWorker(files);
      const { readValidateData } = await import('../validate-data');
      const { active, submissions } = await readValidateData(ctx);
      const profileOrg = opts.profileOrg !== undefined ? normaliseOrgNumber(opts.profileOrg) : active?.orgNumber;
      if (profileOrg !== undefined && !isValidOrgNumber(profileOrg)) {
        const message = {
          nb: `--profile-org ${opts.profileOrg} er ikke et gyldig organisasjonsnummer.`,
          en: `--profile-org ${opts.profileOrg} is not a valid organisation number.`,
        };
        ctx.setExit(printError(ctx.io, { code: 'ORG_NUMBER_INVALID', message }, ctx.json, ctx.lang));
        return;
      }
      const environment = opts.env ? EnvironmentNameSchema.parse(opts.env) : active?.environment;
      // The implementation loads when the command runs, not when the CLI starts (see program.ts).
      const { runValidate } = await import('../../reports/validate-command');
      const { checkReportFilesBySize } = await import('../../reports/check-in-worker');
      const { reportEnvironmentFor } = await import('../../reports/report-environment');
      const { exitCode, stdout, results } = await runValidate(files, {
        environment: reportEnvironmentFor(environment ? { environment } : null),
        ...(profileOrg ? { profileOrg } : {}),
        // What the active profile's outbox has sent or is sending: a reused meldingsId is caught before sending,
        // and a report it already holds is "already sent", not "ready to submit".
        ...(submissions ? { submissions } : {}),
        // A large report in a worker whose heap is limited by the files' size, so its peak stays bounded (issue 12).
        checkFiles: checkReportFilesBySize,
        json: ctx.json,
        lang: ctx.lang,
      });
      // The same envelope as every other command's --json; the exit code says whether errors were found.
      ctx.io.out(ctx.json ? JSON.stringify({ ok: true, value: results }) : stdout);
      ctx.setExit(exitCode);
    });
}
