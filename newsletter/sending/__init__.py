"""Sending an issue: by the background worker (django-tasks, the backend TASKS names
"background": django-tasks-db's database backend, the worker that already makes the pictures;
no broker to run), through SMTP, at `NEWSLETTER_RATE` mails a second, one recorded delivery per
recipient (newsletter.Delivery).

The rule that makes it resumable: recipients are fixed at the first send (a queued delivery per
active subscriber of the issue's language); each mail's delivery is claimed (queued → sending,
committed) before the worker talks to SMTP, and recorded (sent, failed, queued again for a
refusal for now) after. A worker killed halfway leaves at most its mail in flight "sending":
the next run marks it "uncertain" and never sends it again; it sends the queued rest. The next
run is enqueued by each run as it starts, `NEWSLETTER_RESUME_AFTER` seconds later (a run
killed cannot enqueue anything after its death); it finds nothing to do once all is sent.

Refusals: 5xx → failed, with the server's answer; 4xx → tried again later, MAX_ATTEMPTS in all;
each failure counts on the subscriber (`failures`, reset by a success), and PAUSE_AFTER failures
in a row pause them. Bounces mailed back later (delivery status notifications) are not read."""
