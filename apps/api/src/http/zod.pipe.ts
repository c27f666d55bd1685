import type { PipeTransform } from '@nestjs/common';
import { DomainError } from '@vetted/domain';
import type { z } from 'zod';

/** Validates a body, query or path parameter into its typed shape; every failure names the field. */
export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(
    private readonly schema: S,
    /** Field name reported when the problem is with the value as a whole. */
    private readonly field: string,
  ) {}

  transform(value: unknown): z.output<S> {
    const result = this.schema.safeParse(value);
    if (result.success) return result.data;
    throw DomainError.invalid(
      result.error.issues.map((issue) => ({
        field: issue.path.length > 0 ? issue.path.join('.') : this.field,
        message: issue.message,
      })),
    );
  }
}

export const validBody = <S extends z.ZodType>(schema: S): ZodPipe<S> => new ZodPipe(schema, 'body');
export const validQuery = <S extends z.ZodType>(schema: S): ZodPipe<S> => new ZodPipe(schema, 'query');
export const validParam = <S extends z.ZodType>(name: string, schema: S): ZodPipe<S> => new ZodPipe(schema, name);
