import type { TaskList } from "graphile-worker";
import { runWorkflowTask } from "@/lib/engine/run-workflow-task";
import { bulkOperationTask } from "@/lib/runs/bulk-operation-task";
import { deliverRunNotificationTask } from "@/lib/notifications/deliver-notification-task";

// Every job the worker can run, by name.
export const taskList: TaskList = {
  run_workflow: runWorkflowTask,
  bulk_operation: bulkOperationTask,
  deliver_run_notification: deliverRunNotificationTask,
};
