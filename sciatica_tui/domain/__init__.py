"""Pure Python: records, rules, words, timeline, review and summaries.

No Textual, no TinyDB, no files: everything here can be tested as plain functions.
"""
