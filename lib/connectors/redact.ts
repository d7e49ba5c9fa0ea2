import "server-only";

// Server-side entry point for redaction and the "Preview" that relies on it. Client components
// import the pure functions from ./redaction instead (no node:crypto there).
export { isSensitiveName, redactRequest, redactSecrets, REDACTED } from "./redaction";
export { previewAction } from "./preview-action";
