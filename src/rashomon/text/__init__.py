"""The text toolkit: one owner for what many stages need to read text.

Month and weekday names (``calendar``), the stopword list (``stopwords``) and the
speech-verb lexicon with its inflector (``speech``); what
else several stages need to read text belongs here too, not in the stage that first
needed it.
"""
