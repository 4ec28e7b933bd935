// The configured identity schemas, loaded, checked against Kratos's meta-schema and compiled at start
// (Kratos refuses to start on an invalid identity schema, and so do we).
import type { Config } from '../config/config';
import { readSchemaDocument, SchemaLoadError } from './loader';
import { type IdentitySchema, type JsonObject, tryDecodeSchemaId } from './model';
import { checkAgainstMetaSchema, type CompiledSchema, compileIdentitySchema } from './validator';

export class SchemaConfigError extends Error {
  constructor(readonly problems: { path: string; message: string }[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    this.name = 'SchemaConfigError';
  }
}

interface Entry {
  schema: IdentitySchema;
  compiled: CompiledSchema;
}

export class IdentitySchemaRegistry {
  private constructor(
    private readonly entries: Entry[],
    readonly defaultId: string,
  ) {}

  static async load(config: Config): Promise<IdentitySchemaRegistry> {
    const problems: { path: string; message: string }[] = [];
    const entries: Entry[] = [];
    const configured = config.identitySchemas();
    for (const [i, s] of configured.entries()) {
      const path = `identity.schemas.${i}.url`;
      try {
        const raw = await readSchemaDocument(s.url);
        let json: unknown;
        try {
          json = JSON.parse(raw);
        } catch (err) {
          throw new SchemaLoadError(`schema is not valid JSON: ${(err as Error).message}`);
        }
        const metaProblem = checkAgainstMetaSchema(json);
        if (metaProblem)
          throw new SchemaLoadError(`schema does not match Kratos's identity meta-schema: ${metaProblem}`);
        const compiled = compileIdentitySchema(json as JsonObject);
        entries.push({
          schema: {
            id: s.id,
            url: s.url,
            selfserviceSelectable: s.selfservice_selectable ?? false,
            raw,
            json: json as JsonObject,
          },
          compiled,
        });
      } catch (err) {
        problems.push({ path, message: err instanceof Error ? err.message : String(err) });
      }
    }
    const ids = new Set(configured.map((s) => s.id));
    if (!ids.has(config.defaultSchemaId())) {
      problems.push({
        path: 'identity.default_schema_id',
        message: `"${config.defaultSchemaId()}" is not among the configured identity.schemas`,
      });
    }
    if (problems.length > 0) throw new SchemaConfigError(problems);
    return new IdentitySchemaRegistry(entries, config.defaultSchemaId());
  }

  list(): IdentitySchema[] {
    return this.entries.map((e) => e.schema);
  }

  /** Finds a schema by id or by its base64url-encoded id (as in schema_url). */
  find(id: string): IdentitySchema | undefined {
    return this.entry(id)?.schema;
  }

  compiled(id: string): CompiledSchema | undefined {
    return this.entry(id)?.compiled;
  }

  private entry(id: string): Entry | undefined {
    const wanted = id || this.defaultId;
    const direct = this.entries.find((e) => e.schema.id === wanted);
    if (direct) return direct;
    const decoded = tryDecodeSchemaId(wanted);
    return decoded === undefined ? undefined : this.entries.find((e) => e.schema.id === decoded);
  }
}
