import type { TaskList } from "graphile-worker";

// Every job the worker can run, by name. Later capabilities (workflow runs, notifications)
// register their tasks here.
export const taskList: TaskList = {};
