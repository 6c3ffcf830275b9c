from .subscribers import Subscriber

__all__ = ["Subscriber"]
