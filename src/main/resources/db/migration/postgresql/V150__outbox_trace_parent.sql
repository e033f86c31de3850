-- The W3C traceparent of the work that stored the message (a request), so that its delivery's span
-- links back to it. NULL for messages stored by untraced work or before this column. Expand only:
-- code that does not know the column keeps working.
ALTER TABLE outbox_messages ADD COLUMN trace_parent VARCHAR(64);
