-- CreateEnum
CREATE TYPE "EventSource" AS ENUM ('API', 'FORM', 'TEST');

-- CreateEnum
CREATE TYPE "RunStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED');

-- CreateTable
CREATE TABLE "end_users" (
    "id" UUID NOT NULL,
    "userId" TEXT NOT NULL,
    "username" TEXT,
    "fullName" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "end_users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workflow_end_users" (
    "workflowId" UUID NOT NULL,
    "endUserId" UUID NOT NULL,

    CONSTRAINT "workflow_end_users_pkey" PRIMARY KEY ("workflowId","endUserId")
);

-- CreateTable
CREATE TABLE "events" (
    "id" UUID NOT NULL,
    "customEventId" UUID NOT NULL,
    "customEventVersionId" UUID NOT NULL,
    "endUserId" UUID NOT NULL,
    "data" JSONB NOT NULL,
    "source" "EventSource" NOT NULL,
    "apiKeyId" UUID,
    "staffUserId" UUID,
    "idempotencyKey" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "runs" (
    "id" UUID NOT NULL,
    "workflowId" UUID NOT NULL,
    "workflowVersionId" UUID NOT NULL,
    "eventId" UUID NOT NULL,
    "endUserId" UUID NOT NULL,
    "customEventVersionId" UUID NOT NULL,
    "status" "RunStatus" NOT NULL DEFAULT 'QUEUED',
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),
    "error" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "idempotency_records" (
    "id" UUID NOT NULL,
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "response" JSONB NOT NULL,
    "eventId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "idempotency_records_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "end_users_userId_key" ON "end_users"("userId");

-- CreateIndex
CREATE INDEX "end_users_createdAt_idx" ON "end_users"("createdAt");

-- CreateIndex
CREATE INDEX "workflow_end_users_endUserId_idx" ON "workflow_end_users"("endUserId");

-- CreateIndex
CREATE INDEX "events_createdAt_id_idx" ON "events"("createdAt" DESC, "id");

-- CreateIndex
CREATE INDEX "events_customEventId_createdAt_idx" ON "events"("customEventId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "events_endUserId_createdAt_idx" ON "events"("endUserId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "runs_eventId_idx" ON "runs"("eventId");

-- CreateIndex
CREATE INDEX "runs_status_createdAt_idx" ON "runs"("status", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "runs_workflowId_createdAt_idx" ON "runs"("workflowId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "idempotency_records_expiresAt_idx" ON "idempotency_records"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "idempotency_records_scope_key_key" ON "idempotency_records"("scope", "key");

-- AddForeignKey
ALTER TABLE "workflow_end_users" ADD CONSTRAINT "workflow_end_users_workflowId_fkey" FOREIGN KEY ("workflowId") REFERENCES "workflows"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workflow_end_users" ADD CONSTRAINT "workflow_end_users_endUserId_fkey" FOREIGN KEY ("endUserId") REFERENCES "end_users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "events" ADD CONSTRAINT "events_customEventId_fkey" FOREIGN KEY ("customEventId") REFERENCES "custom_events"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "events" ADD CONSTRAINT "events_customEventVersionId_fkey" FOREIGN KEY ("customEventVersionId") REFERENCES "custom_event_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "events" ADD CONSTRAINT "events_endUserId_fkey" FOREIGN KEY ("endUserId") REFERENCES "end_users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "runs" ADD CONSTRAINT "runs_workflowId_fkey" FOREIGN KEY ("workflowId") REFERENCES "workflows"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "runs" ADD CONSTRAINT "runs_workflowVersionId_fkey" FOREIGN KEY ("workflowVersionId") REFERENCES "workflow_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "runs" ADD CONSTRAINT "runs_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "runs" ADD CONSTRAINT "runs_endUserId_fkey" FOREIGN KEY ("endUserId") REFERENCES "end_users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

