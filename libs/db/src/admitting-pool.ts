import { AsyncResource } from 'node:async_hooks';
import pg from 'pg';

type ConnectCallback = (error: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void;

/**
 * A pool that, each time a connection becomes free for a waiting query or transaction, first calls `admit` in
 * that caller's async context. When `admit` throws, the connection goes straight to the next in line and the
 * caller fails with what it threw: the API drops reads whose client hung up while they queued, instead of
 * running them for nobody while the live requests behind them wait.
 */
export class AdmittingPool extends pg.Pool {
  constructor(
    config: pg.PoolConfig,
    private readonly admit: () => void,
  ) {
    super(config);
  }

  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | void {
    // The caller's context, kept now: pg-pool hands the connection over later, from whichever query released it.
    // (AsyncResource.bind would do the same, but costs a util.deprecate wrapper per call on Node 20: 2 % of a
    // catalog request's CPU in a profile.)
    const callersContext = new AsyncResource('AdmittingPool.connect');
    const admitted = (client: pg.PoolClient): Error | undefined => {
      try {
        callersContext.runInAsyncScope(this.admit);
        return undefined;
      } catch (refusal) {
        client.release();
        return refusal instanceof Error ? refusal : new Error(String(refusal));
      }
    };
    if (!callback) {
      return super.connect().then((client) => {
        const refusal = admitted(client);
        if (refusal) throw refusal;
        return client;
      });
    }
    super.connect((error, client, done) => {
      const refusal = !error && client ? admitted(client) : undefined;
      if (refusal) callback(refusal, undefined, () => undefined);
      else callback(error, client, done);
    });
  }
}
