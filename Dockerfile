# One image for every Vetted process: `vetted start` (all-in-one), the API, or a worker.
# `--target gpu` adds the Vulkan and GL libraries onnxruntime-node's WebGPU provider needs on NVIDIA GPUs.
FROM node:20-bookworm-slim AS build
WORKDIR /app
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
ENV NODE_ENV=production PORT=3000

FROM build AS gpu
RUN apt-get update \
  && apt-get install -y --no-install-recommends libvulkan1 libglvnd0 libglx0 libegl1 libgl1 libgles2 libopengl0 \
  && rm -rf /var/lib/apt/lists/*
CMD ["node", "apps/worker/dist/main.js"]

FROM build AS app
EXPOSE 3000
CMD ["node", "apps/cli/dist/main.js", "start"]
