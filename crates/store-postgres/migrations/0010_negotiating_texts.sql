-- Negotiating texts: the text, each version's body, comments, suggested wordings and sign-offs
-- are sealed records like those of a dialogue process. A database administrator sees how many
-- versions and comments a text has, and when they were written; nothing of what they say.

ALTER TABLE sealed_records DROP CONSTRAINT sealed_records_kind_check;
ALTER TABLE sealed_records ADD CONSTRAINT sealed_records_kind_check
    CHECK (kind IN ('process-design', 'round', 'meeting', 'meeting-note',
                    'speaker-key', 'option', 'follow-up', 'note-draft',
                    'readout', 'readout-copy', 'transfer', 'coordination',
                    'official-event', 'conversation', 'statement',
                    'invitation', 'voter', 'vote',
                    'negotiating-text', 'text-version', 'text-comment',
                    'text-suggestion', 'text-sign-off'));
