import { Injectable } from '@nestjs/common';
import { type ActorInfo, describeActors } from '@vetted/lifecycle';
import { PrismaService } from '../infra/prisma.service.js';

@Injectable()
export class ActorRepository {
  constructor(private readonly db: PrismaService) {}

  describe(actors: Iterable<string>): Promise<Map<string, ActorInfo>> {
    return describeActors(this.db, actors);
  }
}
