import { describe, expect, it } from 'vitest';
import { childEnvironment } from '../src/child-environment.js';

describe('childEnvironment', () => {
  it("passes what the runtime and the GPU need, never the worker's secrets", () => {
    const env = childEnvironment({
      PATH: '/usr/bin',
      HOME: '/root',
      VK_DRIVER_FILES: '/usr/share/vulkan/icd.d/nvidia_icd.json',
      NVIDIA_VISIBLE_DEVICES: 'all',
      LD_LIBRARY_PATH: '/opt/lib',
      DATABASE_URL: 'postgresql://u:p@db/vetted',
      S3_SECRET_ACCESS_KEY: 'secret',
      HF_TOKEN: 'hf_secret',
      VETTED_ADMIN_TOKEN: 'x'.repeat(40),
    });
    expect(env).toEqual({
      PATH: '/usr/bin',
      HOME: '/root',
      VK_DRIVER_FILES: '/usr/share/vulkan/icd.d/nvidia_icd.json',
      NVIDIA_VISIBLE_DEVICES: 'all',
      LD_LIBRARY_PATH: '/opt/lib',
    });
  });
});
