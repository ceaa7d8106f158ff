# syntax=docker/dockerfile:1
# Two stages: `build` compiles the TypeScript with the dev dependencies; the runtime image keeps only dist/ and the
# production dependencies and runs as the unprivileged `node` user. With docker-compose.yml the app uses the
# `postgres` service through DATABASE_URL (embedded PostgreSQL is the no-DATABASE_URL fallback, under /data).

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY migrations ./migrations
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# exec form: node is PID 1 and gets SIGTERM from `docker stop` itself (graceful shutdown, exit 0)
CMD ["node", "dist/src/main.js"]
