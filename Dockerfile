# Storyline's image: production dependencies only, run as the unprivileged "node" user, the
# database on a volume, and a health check on /healthz. Build: docker build -t storyline .
# Run: see compose.yaml and the README's "Operating Storyline".

# Stage 1: production dependencies. better-sqlite3 downloads a prebuilt binary, or compiles
# itself when none fits, for which this stage (only) has the build tools.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force

# Stage 2: what runs. tsx (a production dependency) runs the TypeScript sources as they are.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    DATABASE_PATH=/app/data/storyline.db \
    HTTP_HOST=0.0.0.0 \
    HTTP_PORT=8080
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json package-lock.json tsconfig.json ./
COPY src ./src
COPY db ./db
COPY commands ./commands
COPY stories ./stories
RUN mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME ["/app/data"]
EXPOSE 8080
# The bot stops on SIGTERM within 20 s (a post in flight finishes); compose.yaml waits 30 s.
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.HTTP_PORT + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# `npm start` without npm in between, so SIGTERM reaches the bot itself.
CMD ["node", "--import", "tsx", "src/index.ts"]
