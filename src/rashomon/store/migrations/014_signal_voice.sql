-- Framing signals say whose words they are (issue 15): the outlet's own voice or a quote
-- it chose (voice: outlet, quote), with the speaker; a stance signal names the entity it
-- judges (target).
ALTER TABLE signals ADD COLUMN voice TEXT NOT NULL DEFAULT 'outlet';
ALTER TABLE signals ADD COLUMN speaker TEXT;
ALTER TABLE signals ADD COLUMN target TEXT;
CREATE INDEX signals_voice ON signals(voice, signal);
