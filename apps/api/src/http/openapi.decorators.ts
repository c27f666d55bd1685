import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { z } from 'zod';

type OpenApiSchema = Record<string, unknown>;

/** OpenAPI comes from the same zod schemas that validate the requests, so the two cannot drift. */
export function openApiSchema(schema: z.ZodType, io: 'input' | 'output' = 'output'): OpenApiSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as OpenApiSchema;
  return rest;
}

export function ApiJsonBody(schema: z.ZodType): MethodDecorator {
  return ApiBody({ schema: openApiSchema(schema, 'input') });
}

export function ApiQueryParams(schema: z.ZodObject): MethodDecorator {
  const properties = (openApiSchema(schema, 'input').properties ?? {}) as Record<string, OpenApiSchema>;
  return applyDecorators(
    ...Object.entries(properties).map(([name, property]) =>
      ApiQuery({ name, required: false, schema: property, description: property.description as string | undefined }),
    ),
  );
}

export function ApiJsonResponse(status: number, description: string, schema?: z.ZodType): MethodDecorator {
  return ApiResponse({ status, description, ...(schema ? { schema: openApiSchema(schema) } : {}) });
}

const problemSchema: OpenApiSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'code', 'detail'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    code: { type: 'string', description: 'Stable machine-readable error code' },
    detail: { type: 'string' },
    errors: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } },
  },
};

/** Declares the problem+json responses a route can give. */
export function ApiProblems(...statuses: number[]): MethodDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: 'Problem details (RFC 9457)',
        content: { 'application/problem+json': { schema: problemSchema } },
      }),
    ),
  );
}
