-- Assessment: harvested outcomes and their substantiations, reflections on the theory of change,
-- questionnaires with their sealed responses, and the results framework's indicators are sealed
-- records like the rest. A database administrator sees how many there are and when they were
-- written; nothing of what they say, who changed, or how anyone answered.

ALTER TABLE sealed_records DROP CONSTRAINT sealed_records_kind_check;
ALTER TABLE sealed_records ADD CONSTRAINT sealed_records_kind_check
    CHECK (kind IN ('process-design', 'round', 'meeting', 'meeting-note',
                    'speaker-key', 'option', 'follow-up', 'note-draft',
                    'readout', 'readout-copy', 'transfer', 'coordination',
                    'official-event', 'conversation', 'statement',
                    'invitation', 'voter', 'vote',
                    'negotiating-text', 'text-version', 'text-comment',
                    'text-suggestion', 'text-sign-off',
                    'outcome', 'substantiation', 'reflection',
                    'questionnaire', 'questionnaire-response',
                    'indicator'));
