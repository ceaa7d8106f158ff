import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';

export type Role = 'ADMIN' | 'IMPACT_OFFICER' | 'RESEARCHER' | 'FUNDER';

/** Who is calling: resolved from the API token by the global guard. */
export interface Caller {
  userId: string;
  tokenId: string | null;
  email: string;
  name: string;
  role: Role;
  organisationId: string | null;
}

/**
 * Passed first to every service method: the caller (for scope and audit), the request id (for logs) and, inside a
 * mutation, the transaction's EntityManager, so services never juggle query runners.
 */
export class RequestContext {
  constructor(
    readonly requestId: string,
    readonly caller: Caller | null,
    readonly manager: EntityManager | null = null,
    /** per-request DataLoaders (shared by the transactional copy of the context) */
    readonly loaders: Map<string, unknown> = new Map(),
  ) {}

  /** A context for start-up tasks and the CLI when no token is involved. */
  static system(requestId = 'system'): RequestContext {
    return new RequestContext(requestId, {
      userId: '00000000-0000-0000-0000-000000000000',
      tokenId: null,
      email: 'system',
      name: 'system',
      role: 'ADMIN',
      organisationId: null,
    });
  }

  withManager(manager: EntityManager | null): RequestContext {
    // A transaction is about to write: what earlier operations of this request loaded may be stale
    // (a second mutation in one document must not see the first one's cached awards).
    if (manager) this.loaders.clear();
    return new RequestContext(this.requestId, this.caller, manager, this.loaders);
  }

  get actor(): string {
    return this.caller ? this.caller.email : 'anonymous';
  }

  /** A DataLoader of this request: batches the fan-out of a list's fields into one query per field. */
  loader<K, V>(name: string, batch: (keys: readonly K[]) => Promise<(V | Error)[]>): DataLoader<K, V> {
    let l = this.loaders.get(name) as DataLoader<K, V> | undefined;
    if (!l) {
      l = new DataLoader<K, V>(batch, { maxBatchSize: 1000 });
      this.loaders.set(name, l);
    }
    return l;
  }

  get isAdmin(): boolean {
    return this.caller?.role === 'ADMIN';
  }
}
