// Identity orchestration (identity/manager.go): default schema, schema validation plus the `ory.sh/kratos`
// extension, available AAL, and persistence with duplicate detection.
import { badRequest } from '../errors/errors';
import type { ClockProvider } from '../clock';
import type { IdentitySchemaRegistry } from '../schema/registry';
import { encodeSchemaId } from '../schema/model';
import { SchemaValidationError } from '../schema/validation-error';
import { availableAal, type CredentialsCounter } from './counter';
import { applySchemaExtension } from './extension';
import type { Identity } from './model';
import { type IdentityPersisterProvider, UniqueViolationError } from './persister';

export interface IdentityManagerDeps extends IdentityPersisterProvider, ClockProvider {
  schemas: IdentitySchemaRegistry;
  credentialsCounters: CredentialsCounter[];
  /** The public base URL as a string (Config.baseHref). */
  publicBaseHref(): string;
}

/** A duplicate credential identifier or address (Kratos: sqlcon.ErrUniqueViolation). */
export class DuplicateIdentityError extends Error {
  constructor(override readonly cause: UniqueViolationError) {
    super('This identity conflicts with another identity that already exists.');
    this.name = 'DuplicateIdentityError';
  }
}

export class IdentityManager {
  constructor(private readonly deps: IdentityManagerDeps) {}

  private readonly schemaUrls = new Map<string, { base: string; url: string }>();

  /** `<public>/schemas/<base64url(schema id)>`, as Kratos computes schema_url (cached: every session has one). */
  schemaUrl(schemaId: string): string {
    const base = this.deps.publicBaseHref();
    const cached = this.schemaUrls.get(schemaId);
    if (cached?.base === base) return cached.url;
    const url = new URL(`schemas/${encodeSchemaId(schemaId)}`, base).toString();
    this.schemaUrls.set(schemaId, { base, url });
    return url;
  }

  /**
   * Validates traits against the identity's schema and applies the schema extension. Throws a KratosError
   * (400) for an unknown schema and a SchemaValidationError for invalid traits; callers decide how to show it.
   */
  validate(identity: Identity): void {
    if (!identity.schema_id) identity.schema_id = this.deps.schemas.defaultId;
    const schema = this.deps.schemas.find(identity.schema_id);
    const compiled = this.deps.schemas.compiled(identity.schema_id);
    if (!schema || !compiled) throw badRequest(`Unable to find JSON Schema ID: ${identity.schema_id}`);
    identity.schema_id = schema.id;
    if (identity.traits === undefined || identity.traits === null) identity.traits = {};
    const invalid = compiled.validate({ traits: identity.traits });
    if (invalid) throw invalid;
    const problems = applySchemaExtension(identity, schema.json, this.now());
    if (problems.length > 0) {
      throw new SchemaValidationError(
        problems.length === 1
          ? (problems[0] as SchemaValidationError['tree'])
          : {
              instancePtr: '#',
              schemaPtr: '#',
              message: 'validation failed',
              keyword: '',
              params: {},
              causes: problems,
            },
      );
    }
    identity.available_aal = availableAal(this.deps.credentialsCounters, identity.credentials);
  }

  create(identity: Identity): void {
    this.validate(identity);
    try {
      this.deps.identityPersister.createIdentity(identity);
    } catch (err) {
      if (err instanceof UniqueViolationError) throw new DuplicateIdentityError(err);
      throw err;
    }
  }

  /** Validates each identity and inserts the valid ones; returns per-index failures. */
  createMany(identities: Identity[]): Map<number, Error> {
    const failures = new Map<number, Error>();
    const valid: { index: number; identity: Identity }[] = [];
    identities.forEach((identity, index) => {
      try {
        this.validate(identity);
        valid.push({ index, identity });
      } catch (err) {
        failures.set(index, err as Error);
      }
    });
    const conflicts = this.deps.identityPersister.createIdentities(valid.map((v) => v.identity));
    for (const [i, err] of conflicts)
      failures.set((valid[i] as { index: number }).index, new DuplicateIdentityError(err));
    return failures;
  }

  update(identity: Identity): void {
    identity.updated_at = this.now();
    this.validate(identity);
    try {
      this.deps.identityPersister.updateIdentity(identity);
    } catch (err) {
      if (err instanceof UniqueViolationError) throw new DuplicateIdentityError(err);
      throw err;
    }
  }

  now(): string {
    return this.deps.clock.now().toISOString();
  }
}
