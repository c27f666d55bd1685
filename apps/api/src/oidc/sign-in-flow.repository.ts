import { Injectable } from '@nestjs/common';
import type { OidcSignIn } from '@vetted/db';
import { PrismaService } from '../infra/prisma.service.js';

@Injectable()
export class SignInFlowRepository {
  constructor(private readonly db: PrismaService) {}

  /** Stores a new sign-in, dropping the abandoned ones on the way. */
  async create(flow: OidcSignIn): Promise<void> {
    await this.db.oidcSignIn.deleteMany({ where: { expiresAt: { lt: new Date() } } });
    await this.db.oidcSignIn.create({ data: flow });
  }

  /** Removes the sign-in and returns it: of two callbacks racing with one cookie, only one gets it. */
  async take(hash: string): Promise<OidcSignIn | null> {
    const flow = await this.db.oidcSignIn.findUnique({ where: { hash } });
    if (!flow) return null;
    const { count } = await this.db.oidcSignIn.deleteMany({ where: { hash } });
    return count === 1 ? flow : null;
  }
}
