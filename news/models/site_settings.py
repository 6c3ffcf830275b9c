"""Contact details and footer, edited under Settings › Site settings."""

from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Contact details and footer of the site, edited under Settings › Site settings."""

    site_name = models.CharField(_("site name"), max_length=100, default="bitnews")
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    copyright = models.CharField(_("copyright line"), max_length=255, blank=True)
    filing_number = models.CharField(
        _("ICP filing number"),
        max_length=100,
        blank=True,
        help_text=_("Shown in the footer, e.g. 京ICP备05065315号."),
    )
    map_latitude = models.DecimalField(
        _("map latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Baidu map (BD-09) coordinates of the campus."),
    )
    map_longitude = models.DecimalField(
        _("map longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    map_label = models.CharField(
        _("map label"),
        max_length=100,
        blank=True,
        help_text=_("Name of the marker on the map, e.g. the campus name."),
    )
    second_review = models.BooleanField(
        _("second review"),
        default=False,
        help_text=_(
            "Articles need a chief editor's approval after the moderator's before they are "
            "published. Moderators then no longer publish directly."
        ),
    )

    corrections_policy = models.ForeignKey(
        "news.StandardPage",
        verbose_name=_("corrections policy"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The page that says how the newsroom corrects its stories, linked from the corrections page."
        ),
    )

    panels = [
        FieldPanel("site_name"),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("email")],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("copyright"), FieldPanel("filing_number")],
            heading=_("Footer"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("map_latitude"), FieldPanel("map_longitude")]),
                FieldPanel("map_label"),
            ],
            heading=_("Baidu map"),
        ),
        MultiFieldPanel([FieldPanel("second_review")], heading=_("Review")),
        FieldPanel("corrections_policy"),
    ]

    class Meta:
        verbose_name = _("site settings")

    def clean(self):
        super().clean()
        if (self.map_latitude is None) != (self.map_longitude is None):
            raise ValidationError(_("Give both map coordinates, or neither."))

    @property
    def baidu_map_url(self):
        """A link that opens the campus on Baidu Maps; no map script is loaded."""
        if self.map_latitude is None or self.map_longitude is None:
            return ""
        query = urlencode(
            {
                "location": f"{self.map_latitude},{self.map_longitude}",
                "title": self.map_label or self.site_name,
                "content": self.address,
                "output": "html",
                "src": "bitnews.news",
            }
        )
        return f"https://api.map.baidu.com/marker?{query}"
