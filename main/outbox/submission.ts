// The submission's schema and state machine are shared with the renderer (they cross IPC as they are kept).
export * from '../../shared/outbox/submission';
