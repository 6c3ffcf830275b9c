from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkerHeartbeat(models.Model):
    """A background worker's last sign of life (`manage.py worker` writes it every
    HEARTBEAT_SECONDS; /readyz and /metrics read it: bitnews/health.py). One row per worker
    process; rows silent for a day are removed by the workers themselves."""

    worker_id = models.CharField(_("worker"), max_length=64, unique=True)
    host = models.CharField(_("host"), max_length=255)
    pid = models.PositiveIntegerField(_("process"))
    started_at = models.DateTimeField(_("started at"))
    beat_at = models.DateTimeField(_("last heartbeat"), db_index=True)

    class Meta:
        verbose_name = _("worker heartbeat")
        verbose_name_plural = _("worker heartbeats")

    def __str__(self):
        return f"{self.worker_id} ({self.host}, {self.pid})"
