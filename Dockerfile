# Vetted's images, on Node.js 24 (the LTS line CI tests) and Debian 13, running as the unprivileged `node` user.
# Everything in them comes from the npm registry and Debian's packages.
#   app (default)  `vetted start` (all-in-one), the API or a CPU worker
#   gpu            a worker for NVIDIA GPUs: ONNX on WebGPU (Vulkan), GGUF on CUDA or Vulkan (README: "Docker Compose")
ARG NODE_IMAGE=node:24.22.3-trixie-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Manifests first (every workspace package), so `npm ci` is cached until one of them changes.
COPY package.json package-lock.json .npmrc ./
COPY apps/api/package.json apps/api/
COPY apps/worker/package.json apps/worker/
COPY apps/cli/package.json apps/cli/
COPY apps/web/package.json apps/web/
COPY libs/bundles/package.json libs/bundles/
COPY libs/config/package.json libs/config/
COPY libs/db/package.json libs/db/
COPY libs/domain/package.json libs/domain/
COPY libs/formats/package.json libs/formats/
COPY libs/hub/package.json libs/hub/
COPY libs/inference/package.json libs/inference/
COPY libs/licenses/package.json libs/licenses/
COPY libs/lifecycle/package.json libs/lifecycle/
COPY libs/queue/package.json libs/queue/
COPY libs/signing/package.json libs/signing/
COPY libs/storage/package.json libs/storage/
COPY libs/webhooks/package.json libs/webhooks/
COPY prisma prisma
COPY prisma.config.ts tsconfig.base.json tsconfig.json ./
COPY scripts scripts
RUN npm ci
COPY . .
# Builds the server (tsc) and the web app (vite), then drops the build tools.
RUN npm run build && npm prune --omit=dev

# The CPU image has no use for node-llama-cpp's CUDA binaries (about 540 MB).
FROM build AS cpu-files
RUN rm -rf node_modules/@node-llama-cpp/linux-x64-cuda node_modules/@node-llama-cpp/linux-x64-cuda-ext

FROM ${NODE_IMAGE} AS runtime
# Signing key and `vetted start`'s embedded database; compose mounts a volume here.
RUN mkdir -p /var/lib/vetted && chown node:node /var/lib/vetted
ENV NODE_ENV=production PORT=3000 VETTED_DATA_DIR=/var/lib/vetted
WORKDIR /app
EXPOSE 3000

FROM runtime AS gpu
# From Debian's non-free section: the CUDA 12.4 runtime and cuBLAS that node-llama-cpp's CUDA 12 binary was built
# with (its CUDA 13 binary finds no runtime here and it falls back to that one). From main: the Vulkan loader and
# the GL dispatch libraries NVIDIA's Vulkan driver needs, for WebGPU and GGUF on Vulkan. The NVIDIA Container
# Toolkit adds the driver itself (libcuda, the Vulkan ICD) from the host.
RUN sed -i 's/^Components: main$/Components: main non-free/' /etc/apt/sources.list.d/debian.sources \
  && apt-get update \
  && apt-get install -y --no-install-recommends libcudart12 libcublas12 \
    libvulkan1 libglvnd0 libglx0 libegl1 libgl1 libgles2 libopengl0 \
  && rm -rf /var/lib/apt/lists/*
COPY --from=build /app /app
ENV NVIDIA_VISIBLE_DEVICES=all NVIDIA_DRIVER_CAPABILITIES=compute,utility,graphics
USER node
CMD ["node", "apps/worker/dist/main.js"]

FROM runtime AS app
COPY --from=cpu-files /app /app
USER node
CMD ["node", "apps/cli/dist/main.js", "start"]
