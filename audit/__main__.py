"""`make audit` (`python -m audit [--seed N] [--requests N]`): the site checked from outside,
running as deployed (production settings, PostgreSQL, Redis, gunicorn behind nginx with TLS)
on the demo content, in five parts:

1. MDN HTTP Observatory on every public page type and the admin's sign-in: grade and score
   per page (audit/observatory.py);
2. a fuzz of 5,000 odd requests through nginx: answers by class, 5xx (audit/fuzz.py);
3. the hostile uploads through the admin's image form: status, form error, the worker's peak
   memory (audit/uploads.py);
4. PostgreSQL restarted under load: errors, their window, recovery, lost acknowledged writes
   (audit/restart.py);
5. the second hardening round from outside: health checks and metrics, the contact form's
   bounds, a safe CSV export, the password-reset and sign-in limits, X-Forwarded-For from a
   client that is not our proxy (audit/hardening.py; last: it pauses the audit's own address).

Prints each part's figures and exits 1 if any target is missed. Needs the PostgreSQL server
DATABASE_URL names (the audit makes and drops its own database, bitnews_audit) and its server
binaries (initdb, pg_ctl: part 4 runs a private cluster), Redis (database 4), nginx, openssl,
and node with the Observatory in .tools: `make audit` installs what is missing.
"""

import argparse
import secrets
import subprocess
import sys
import time

from audit import fuzz, hardening, observatory, restart, uploads
from audit.site import ROOT, log, running


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--seed", type=int, help="the fuzz's Hypothesis seed (each run prints its own)"
    )
    parser.add_argument("--requests", type=int, default=5000, help="how many the fuzz sends")
    options = parser.parse_args()
    run_seed = secrets.randbelow(2**32) if options.seed is None else options.seed
    started = time.monotonic()
    parts = []
    with running() as site:
        log("1/5 MDN HTTP Observatory")
        parts.append(observatory.run(site))
        log(f"2/5 fuzz, {options.requests} requests")
        parts.append(fuzz.run(site, options.requests, run_seed))
        log("3/5 hostile uploads")
        parts.append(uploads.run(site))
        log("4/5 PostgreSQL restart under load")
        parts.append(restart.run(site))
        log("5/5 the second hardening round")
        parts.append(hardening.run(site))
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    print(f"\nbitnews audit, commit {commit} (and the working tree's changes)\n")
    for part in parts:
        print(part, end="\n\n")
    misses = [miss for part in parts for miss in part.misses]
    print(f"{len(misses)} target(s) missed; the audit took {time.monotonic() - started:.0f} s")
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
