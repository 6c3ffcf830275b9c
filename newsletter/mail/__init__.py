"""The issue as a mail: the same for every recipient but for the stories of the columns they
chose and their unsubscribe address. HTML with inline styles in a table layout (what mail
clients render), a plain text part, every link and image an absolute address of the site
(newsletter/addresses.py), no tracking pixel, no external style sheet or host; the headers of
RFC 8058's one-click unsubscribe.

It imports no model of the newsletter: it is given the issue and the recipient. A mail is
rendered once per choice of stories (`Composer`), each recipient's address put in after."""

from .message import Composer, preview, test_message

__all__ = ["Composer", "preview", "test_message"]
