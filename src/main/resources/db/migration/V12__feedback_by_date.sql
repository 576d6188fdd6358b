-- admins read the feedback of all members newest first (Query.feedbackRequests); without a filter that is a scan of
-- the table in requested_at order
create index ix_feedback_requests_requested on feedback_requests (requested_at, id);
