-- Conversations for common ground: the conversation, its statements, invitation links, voters
-- and votes are sealed records like those of a dialogue process. A database administrator sees
-- how many of each a conversation holds, and when they were written; nothing of what they say.

ALTER TABLE sealed_records DROP CONSTRAINT sealed_records_kind_check;
ALTER TABLE sealed_records ADD CONSTRAINT sealed_records_kind_check
    CHECK (kind IN ('process-design', 'round', 'meeting', 'meeting-note',
                                                   'speaker-key', 'option', 'follow-up', 'note-draft',
                                                   'readout', 'readout-copy', 'transfer', 'coordination',
                                                   'official-event', 'conversation', 'statement',
                                                   'invitation', 'voter', 'vote'));
