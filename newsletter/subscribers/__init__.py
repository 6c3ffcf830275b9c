"""The newsletter's subscriber side: the sign-up form, double opt-in, the admin's list.

The rule: **nothing is sent to an address before its owner confirms it.** A valid sign-up
always shows the same "Check your inbox" page (whether the address was new, waiting, active or
unsubscribed is never told); it asks the background worker for one confirmation mail, at most
one an hour per address (`Subscriber.confirmation_sent_at`, claimed in one UPDATE), none for
an address already subscribed. The mail's link carries the address, language and columns
chosen, signed (`tokens.py`, seven days); only a POST from the page it opens confirms (mail
scanners follow GET links), and it is the confirmation that writes the language and columns.

signup.py (what a sign-up and a confirmation write), validation.py (which addresses, the
disposable domains in disposable_domains.txt), tokens.py (the signed link), confirmation.py
(the worker's task: the mail), forms.py, views.py (the public pages), admin.py (Newsletter ›
Subscribers)."""
