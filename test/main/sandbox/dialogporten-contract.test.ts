import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { DIALOGPORTEN_SCOPE } from '../../../shared/domain/services-catalogue';
import { addFeedback, startDialogportenSandbox, submissionDialog, CUSTOMER_ORG } from '../support/dialogporten-sandbox';

// The published OpenAPI the client's types are generated from is also the judge of every emulator answer.
const require = createRequire(import.meta.url);
const swaggerFile = require.resolve('@digdir/dialogporten-schema/swagger.verified.json');
const swagger = JSON.parse(readFileSync(swaggerFile, 'utf8').replace(/^\uFEFF/, '')) as {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>
  >;
};

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addFormat('guid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && Math.abs(n) < 2 ** 31 });
ajv.addSchema({ ...(toJsonSchema(swagger) as object), $id: 'dialogporten.json' });

/**
 * OpenAPI 3.0's `nullable: true` as JSON Schema: `type: [t, 'null']`, or, beside a `oneOf: [$ref]` (how .NET
 * writes a nullable reference), "that or null". Nothing else is changed.
 */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const { nullable, ...rest } = node as Record<string, unknown>;
  const converted = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, toJsonSchema(v)]));
  if (nullable !== true) return converted;
  if (typeof converted.type === 'string') {
    const withNull = { ...converted, type: [converted.type, 'null'] };
    return Array.isArray(converted.enum) ? { ...withNull, enum: [...converted.enum, null] } : withNull;
  }
  return { anyOf: [converted, { type: 'null' }] };
}

/** The schema the published OpenAPI gives for this operation's answer with this status and content type. */
function validatorFor(path: string, status: number, contentType: string): ValidateFunction {
  const response = swagger.paths[path]?.get?.responses[String(status)];
  const schema = response?.content?.[contentType]?.schema;
  if (!schema) throw new Error(`The OpenAPI documents no ${contentType} body for GET ${path} → ${status}`);
  return ajv.compile(rebase(schema));
}

/** `#/components/...` inside the document becomes `dialogporten.json#/components/...` for a standalone schema. */
function rebase(schema: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"dialogporten.json#/components/')) as Record<
    string,
    unknown
  >;
}

describe('the sandbox Dialogporten answers as the published OpenAPI says', () => {
  let sandbox: Awaited<ReturnType<typeof startDialogportenSandbox>>;
  let token: string;
  const checked: string[] = [];

  async function get(path: string, apiPath: string, expectStatus: number, contentType = 'application/json') {
    const response = await fetch(`${sandbox.endpoints.dialogporten.base}${path}`, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
    });
    expect(response.status).toBe(expectStatus);
    expect(response.headers.get('content-type') ?? '').toContain(contentType);
    const body = (await response.json()) as unknown;
    const validate = validatorFor(apiPath, expectStatus, contentType);
    if (!validate(body)) throw new Error(`${path}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body)}`);
    checked.push(`${apiPath} ${expectStatus}`);
    return { body, headers: response.headers };
  }

  beforeAll(async () => {
    sandbox = await startDialogportenSandbox();
    token = await sandbox.tokenFor(DIALOGPORTEN_SCOPE);
    const { store, clock } = sandbox;
    for (let i = 0; i < 3; i++) {
      const dialog = submissionDialog(store, { at: clock.now().toISOString() });
      clock.advance(1000);
      addFeedback(store, dialog, clock.now().toISOString(), `${sandbox.host.baseUrl}/skatteetaten/doc/${i}`);
    }
  });
  afterAll(() => sandbox.host.stop());

  it('search, every page, a dialog, its transmissions and one transmission validate; errors are problem+json', async () => {
    const party = `urn:altinn:organization:identifier-no:${CUSTOMER_ORG}`;
    const first = await get(
      `/api/v1/enduser/dialogs?party=${party}&orderBy=updatedAt_asc&limit=2`,
      '/api/v1/enduser/dialogs',
      200,
    );
    const page = first.body as { items: { id: string }[]; hasNextPage: boolean; continuationToken: string };
    expect(page.items).toHaveLength(2);
    expect(page.hasNextPage).toBe(true);
    const second = await get(
      `/api/v1/enduser/dialogs?party=${party}&orderBy=updatedAt_asc&limit=2&continuationToken=${encodeURIComponent(page.continuationToken)}`,
      '/api/v1/enduser/dialogs',
      200,
    );
    expect((second.body as { items: unknown[]; hasNextPage: boolean }).hasNextPage).toBe(false);

    const id = page.items[0]?.id as string;
    const transmissions = await get(
      `/api/v1/enduser/dialogs/${id}/transmissions`,
      '/api/v1/enduser/dialogs/{dialogId}/transmissions',
      200,
    );
    const list = transmissions.body as { id: string }[];
    expect(list).toHaveLength(2);
    await get(
      `/api/v1/enduser/dialogs/${id}/transmissions/${list[1]?.id}`,
      '/api/v1/enduser/dialogs/{dialogId}/transmissions/{transmissionId}',
      200,
    );
    const dialog = await get(`/api/v1/enduser/dialogs/${id}`, '/api/v1/enduser/dialogs/{dialogId}', 200);
    expect(dialog.headers.get('etag')).toBe((dialog.body as { revision: string }).revision);

    // The seen-log entry the details call wrote shows in the search item too, still valid.
    await get(`/api/v1/enduser/dialogs?party=${party}`, '/api/v1/enduser/dialogs', 200);
    await get(
      `/api/v1/enduser/dialogs/0193b5cd-cb85-7320-bd8c-6c78c88dc8af`,
      '/api/v1/enduser/dialogs/{dialogId}',
      404,
      'application/problem+json',
    );
    expect(checked).toHaveLength(7);
  });

  it('refuses a search with neither party nor service resource (400) and a missing token (401)', async () => {
    const base = sandbox.endpoints.dialogporten.base;
    const bad = await fetch(`${base}/api/v1/enduser/dialogs?orderBy=updatedAt_asc`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    const problem = validatorFor('/api/v1/enduser/dialogs/{dialogId}', 404, 'application/problem+json');
    expect(problem(await bad.json())).toBe(true);
    expect((await fetch(`${base}/api/v1/enduser/dialogs?party=x`)).status).toBe(401);
  });
});
