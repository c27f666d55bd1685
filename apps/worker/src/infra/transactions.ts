import { Injectable } from '@nestjs/common';
import { type Prisma, PrismaClient } from '@vetted/db';

/** The client a transaction's work runs on; repositories take it to write inside the caller's transaction. */
export type Transaction = Prisma.TransactionClient;

export interface TransactionOptions {
  /** Longest the transaction may run, in ms (Prisma's default: 5 s). */
  timeout?: number;
  /** Longest to wait for a connection, in ms. */
  maxWait?: number;
}

/** Where the worker draws a transaction boundary; what happens inside goes through repositories. */
@Injectable()
export class Transactions {
  constructor(private readonly db: PrismaClient) {}

  run<T>(work: (tx: Transaction) => Promise<T>, options?: TransactionOptions): Promise<T> {
    return this.db.$transaction(work, options);
  }
}
