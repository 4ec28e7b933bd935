// The connection list: the embedded server (always first, id "embedded") and the remote Kratos admin APIs the
// user added. Profiles are stored in <data>/console/connections.json; secrets in the SecretVault; the
// production unlock state only in memory, so every launch starts locked.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import {
  CONSOLE_ERROR_IDS,
  EMBEDDED_CONNECTION_ID,
  type ConnectionColor,
  type ConnectionProfile,
} from '../../shared/console-api';
import { ConsoleError } from '../errors';
import { readJsonFile, writePrivateJsonFile } from './files';
import type { SecretVault } from './secrets';
import { invalid, parseColor, parseName, type ParsedConnectionInput } from './validate';

export interface EmbeddedTarget {
  urls: { public: string; admin: string };
  warnings: string[];
}

interface StoredRemote {
  id: string;
  name: string;
  adminUrl: string;
  publicUrl: string;
  color: ConnectionColor;
  production: boolean;
  createdAt: string;
  updatedAt: string;
}

interface StoredConnections {
  version: 1;
  embedded: { name: string; color: ConnectionColor; production: boolean };
  remotes: StoredRemote[];
}

/** What the proxy needs: where to send requests and with which key. Never serialised. */
export interface ResolvedConnection {
  profile: ConnectionProfile;
  adminBase: string;
  publicBase: string;
  apiKey: string | undefined;
}

const MAX_UNLOCK_MINUTES = 8 * 60;

export class ConnectionRegistry {
  private readonly file: string | undefined;
  private stored: StoredConnections;
  private readonly unlockedUntil = new Map<string, number>();

  constructor(
    private readonly opts: {
      dataDir: string | undefined;
      vault: SecretVault;
      embedded: EmbeddedTarget | undefined;
      now?: () => number;
    },
  ) {
    this.file = opts.dataDir ? join(opts.dataDir, 'console', 'connections.json') : undefined;
    this.stored = (this.file ? readJsonFile<StoredConnections>(this.file) : undefined) ?? {
      version: 1,
      embedded: { name: 'Embedded server', color: 'teal', production: false },
      remotes: [],
    };
  }

  list(): ConnectionProfile[] {
    const embedded = this.opts.embedded ? [this.embeddedProfile(this.opts.embedded)] : [];
    return [...embedded, ...this.stored.remotes.map((r) => this.remoteProfile(r))];
  }

  get(id: string): ConnectionProfile {
    const found = this.list().find((p) => p.id === id);
    if (!found) {
      throw new ConsoleError(
        404,
        CONSOLE_ERROR_IDS.unknownConnection,
        `There is no connection with id "${id}".`,
      );
    }
    return found;
  }

  resolve(id: string): ResolvedConnection {
    const profile = this.get(id);
    const secret = this.opts.vault.get(id);
    return {
      profile,
      adminBase: profile.adminUrl,
      publicBase: profile.publicUrl,
      apiKey: secret.state === 'ok' ? secret.secret : undefined,
    };
  }

  create(input: ParsedConnectionInput): ConnectionProfile {
    const now = new Date(this.now()).toISOString();
    const remote: StoredRemote = {
      id: randomUUID(),
      name: input.name,
      adminUrl: input.adminUrl,
      publicUrl: input.publicUrl,
      color: input.color,
      production: input.production,
      createdAt: now,
      updatedAt: now,
    };
    this.stored.remotes.push(remote);
    if (input.apiKey) this.opts.vault.set(remote.id, input.apiKey);
    this.save();
    return this.remoteProfile(remote);
  }

  update(id: string, input: ParsedConnectionInput): ConnectionProfile {
    const remote = this.remote(id);
    Object.assign(remote, {
      name: input.name,
      adminUrl: input.adminUrl,
      publicUrl: input.publicUrl,
      color: input.color,
      production: input.production,
      updatedAt: new Date(this.now()).toISOString(),
    });
    if (input.apiKey === null) this.opts.vault.delete(id);
    else if (input.apiKey !== undefined) this.opts.vault.set(id, input.apiKey);
    if (!input.production) this.unlockedUntil.delete(id);
    this.save();
    return this.remoteProfile(remote);
  }

  updateEmbedded(body: Record<string, unknown>): ConnectionProfile {
    const e = this.stored.embedded;
    if (body.name !== undefined) e.name = parseName(body.name);
    if (body.color !== undefined) e.color = parseColor(body.color);
    if (body.production !== undefined) {
      if (typeof body.production !== 'boolean') throw invalid('production must be a boolean.');
      e.production = body.production;
    }
    this.save();
    return this.get(EMBEDDED_CONNECTION_ID);
  }

  remove(id: string): void {
    if (id === EMBEDDED_CONNECTION_ID) throw invalid('The embedded server cannot be removed.');
    this.remote(id);
    this.stored.remotes = this.stored.remotes.filter((r) => r.id !== id);
    this.opts.vault.delete(id);
    this.unlockedUntil.delete(id);
    this.save();
  }

  unlock(id: string, minutes: number): ConnectionProfile {
    const profile = this.get(id);
    if (!profile.production) throw invalid('Only production connections are locked.');
    if (!Number.isFinite(minutes) || minutes <= 0 || minutes > MAX_UNLOCK_MINUTES) {
      throw invalid(`minutes must be between 1 and ${MAX_UNLOCK_MINUTES}.`);
    }
    this.unlockedUntil.set(id, this.now() + minutes * 60_000);
    return this.get(id);
  }

  lock(id: string): ConnectionProfile {
    this.get(id);
    this.unlockedUntil.delete(id);
    return this.get(id);
  }

  /** Writes go through when the connection is not production, or is unlocked right now. */
  isWritable(profile: ConnectionProfile): boolean {
    return !profile.production || this.unlockExpiry(profile.id) !== null;
  }

  private unlockExpiry(id: string): number | null {
    const until = this.unlockedUntil.get(id);
    if (until === undefined) return null;
    if (until <= this.now()) {
      this.unlockedUntil.delete(id);
      return null;
    }
    return until;
  }

  private embeddedProfile(target: EmbeddedTarget): ConnectionProfile {
    const e = this.stored.embedded;
    return {
      id: EMBEDDED_CONNECTION_ID,
      kind: 'embedded',
      name: e.name,
      adminUrl: target.urls.admin.replace(/\/+$/, ''),
      publicUrl: target.urls.public.replace(/\/+$/, ''),
      color: e.color,
      production: e.production,
      hasApiKey: false,
      apiKeyUnavailable: false,
      unlockedUntil: this.unlockIso(EMBEDDED_CONNECTION_ID, e.production),
      capabilities: { serverSideFilters: true, embeddedFeatures: true },
    };
  }

  private remoteProfile(r: StoredRemote): ConnectionProfile {
    const secret = this.opts.vault.get(r.id);
    return {
      id: r.id,
      kind: 'remote',
      name: r.name,
      adminUrl: r.adminUrl,
      publicUrl: r.publicUrl,
      color: r.color,
      production: r.production,
      hasApiKey: secret.state !== 'none',
      apiKeyUnavailable: secret.state === 'unavailable',
      unlockedUntil: this.unlockIso(r.id, r.production),
      capabilities: { serverSideFilters: false, embeddedFeatures: false },
    };
  }

  private unlockIso(id: string, production: boolean): string | null {
    if (!production) return null;
    const until = this.unlockExpiry(id);
    return until === null ? null : new Date(until).toISOString();
  }

  private remote(id: string): StoredRemote {
    const r = this.stored.remotes.find((x) => x.id === id);
    if (!r) {
      if (id === EMBEDDED_CONNECTION_ID) throw invalid('The embedded server has its own settings.');
      throw new ConsoleError(
        404,
        CONSOLE_ERROR_IDS.unknownConnection,
        `There is no connection with id "${id}".`,
      );
    }
    return r;
  }

  private now(): number {
    return this.opts.now?.() ?? Date.now();
  }

  private save(): void {
    if (this.file) writePrivateJsonFile(this.file, this.stored);
  }
}
