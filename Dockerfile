# One image for every Vetted process: `vetted start` (all-in-one), the API, or a worker.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
COPY apps/api/package.json apps/api/
COPY apps/worker/package.json apps/worker/
COPY apps/cli/package.json apps/cli/
COPY libs/config/package.json libs/config/
COPY libs/db/package.json libs/db/
COPY libs/domain/package.json libs/domain/
COPY libs/licenses/package.json libs/licenses/
COPY libs/queue/package.json libs/queue/
COPY prisma prisma
COPY prisma.config.ts tsconfig.base.json tsconfig.json ./
COPY scripts scripts
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev
ENV NODE_ENV=production PORT=3000
EXPOSE 3000
CMD ["node", "apps/cli/dist/main.js", "start"]
