"""The text toolkit: one owner for what many stages need to read text.

Month and weekday names (``calendar``) and the stopword list (``stopwords``); what
else several stages need to read text belongs here too, not in the stage that first
needed it.
"""
