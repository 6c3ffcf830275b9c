from .issues import Delivery, IssueStory, NewsletterIssue
from .subscribers import Subscriber

__all__ = ["Delivery", "IssueStory", "NewsletterIssue", "Subscriber"]
