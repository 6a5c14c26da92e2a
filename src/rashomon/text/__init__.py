"""The text toolkit: one owner for what many stages need to read text.

Month and weekday names (``calendar``), with more to come here rather than in the
stage that first needed it: the sentence splitter, the date parser, stopwords and
text folding.
"""
