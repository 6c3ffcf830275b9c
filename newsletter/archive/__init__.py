"""The newsletter's past issues on the site: `/<lang>/newsletter/issues/` (the sent issues of
the language, newest first), each issue as a web page, and their RSS feed. The same for every
visitor: kept by the page cache (news/cache/control.py), ended by a publish of an issue
(newsletter/apps.py registers the model's tags)."""
