"""The translator's queue: how much each article has left to translate or revise in each
language, the order translators take them in, and who has claimed which.

The rule: the work is counted whenever news records a translation status (the same saves and
revisions: desk's receivers run after news's, apps.py), from the version just saved: the
source segments of a missing field, or the new and changed paragraphs since the translation
was last current (news/newsroom/translation_changes.py), less those the memory translates
exactly (desk/memory/). A language that becomes up to date leaves the queue and its claim
is released. Sorted: Focus first, then the soonest scheduled, then the oldest.
"""
