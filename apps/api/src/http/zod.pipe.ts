import type { PipeTransform } from '@nestjs/common';
import { DomainError } from '@vetted/domain';
import type { z } from 'zod';
import { NUL_PROBLEM, nulCharacterFields } from './nul-characters.js';

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

/** JSON bodies refuse NUL characters anywhere, keys included (paths and queries: see url-nul-guard.ts). */
class JsonBodyPipe<S extends z.ZodType> extends ZodPipe<S> {
  override transform(value: unknown): z.output<S> {
    const fields = nulCharacterFields(value);
    if (fields.length > 0) throw DomainError.invalid(fields.map((field) => ({ field: field || 'body', message: NUL_PROBLEM })));
    return super.transform(value);
  }
}

export const validBody = <S extends z.ZodType>(schema: S): ZodPipe<S> => new JsonBodyPipe(schema, 'body');
export const validQuery = <S extends z.ZodType>(schema: S): ZodPipe<S> => new ZodPipe(schema, 'query');
export const validParam = <S extends z.ZodType>(name: string, schema: S): ZodPipe<S> => new ZodPipe(schema, name);
