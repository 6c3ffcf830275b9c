"""The admin of the issues: Wagtail's snippet views (draft, revisions, preview as the mail,
locking, scheduled publishing), a new issue composed from the week's stories in its language,
and a test mail to one address. Publishing is sending: only those with the publish permission
(Moderators, chief editors) see the button; Editors compose and test."""
