import { applyDecorators } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { validParam } from '../http/zod.pipe.js';
import { modelParams } from './model.schemas.js';
import { versionLabel } from './version.schemas.js';

export interface VersionRef {
  namespace: string;
  name: string;
  version: string;
}

/** How audit events name a version: `namespace/name@version`. */
export const subjectOf = (ref: VersionRef): string => `${ref.namespace}/${ref.name}@${ref.version}`;

/** `namespace` and `name` from the path of a model route, validated. */
export const modelRef = validParam('path', modelParams);

export const ApiModelParams = () =>
  applyDecorators(
    ApiParam({ name: 'namespace', description: 'Organisation or user' }),
    ApiParam({ name: 'name', description: 'Model name' }),
  );

/** `namespace`, `name` and `version` from the path of a version route, validated. */
export const versionRef = validParam('path', modelParams.extend({ version: versionLabel }));

export const VERSION_ROUTE = 'v1/models/:namespace/:name/versions/:version';

export const ApiVersionParams = () => applyDecorators(ApiModelParams(), ApiParam({ name: 'version', description: 'Version label' }));
