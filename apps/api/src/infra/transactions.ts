import { Injectable } from '@nestjs/common';
import { PrismaService, type Transaction } from './prisma.service.js';

export interface TransactionOptions {
  /** Longest the transaction may run, in ms (Prisma's default: 5 s). */
  timeout?: number;
  /** Longest to wait for a connection, in ms. */
  maxWait?: number;
}

/** Where services draw a transaction boundary; what happens inside goes through repositories. */
@Injectable()
export class Transactions {
  constructor(private readonly db: PrismaService) {}

  run<T>(work: (tx: Transaction) => Promise<T>, options?: TransactionOptions): Promise<T> {
    return this.db.$transaction(work, options);
  }
}
