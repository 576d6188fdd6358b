-- the program office's figures ask of every mentorship of a period whether, and from when, it held meetings
-- (ProgramStatistics: the funnel's first held meeting, the time to it, meetings held against planned); with the
-- status first, the held meetings of all mentorships are one range of this index, their starts included
create index ix_meetings_held on meetings (status, mentorship_id, starts_at);
