"""An experiment for issue 24's question "would Jinja2 make pages cheaper from nothing?":
a listing's ten article cards (templates/includes/article_card.html) rendered by Django's
template engine and by Jinja2 from a line-for-line port of the same template (below), the
same articles, the same picture and address functions, the same output (checked). Run in a
database with content, the production settings (bench/environment.py's `environment()`), after
`.venv/bin/pip install jinja2` (not a dependency of the project: the decision was not to
port, docs/performance.md):

    python -m bench.jinja_card        the median CPU ms of ten cards in each engine

Only the card is ported: it is what a listing renders most (ten or twenty times a page),
and its tags (the picture, the address, the dates) are the same Python functions in both
engines, so the difference is the engine's own work."""

import statistics
import time

import django

REPEAT = 200

PORT = """{% set missing = article.fallback_fields() %}
  <article class="card{% if featured %} card--featured{% endif %}{% if not article.lead_image %} card--text-only{% endif %}">
    {% if article.lead_image %}
      <div class="card__image">
        {% if featured %}
          {{ picture(article.lead_image, "featured-card", {"sizes": "(min-width: 64rem) 40rem, 100vw", "alt": "", "loading": loading or "lazy"}) }}
        {% else %}
          {{ picture(article.lead_image, "card", {"sizes": "(min-width: 64rem) 20rem, (min-width: 40rem) 50vw, 100vw", "alt": "", "loading": loading or "lazy"}) }}
        {% endif %}
      </div>
    {% endif %}
    <div class="card__text">
      <h{{ heading_level or 3 }} class="card__title"><a href="{{ pageurl(article) }}"{% if "title" in missing %} lang="{{ article.fallback_language }}"{% endif %}>{{ article.title }}</a></h{{ heading_level or 3 }}>
      <p class="card__meta">
        <time datetime="{{ date(article.news_date, 'Y-m-d') }}">{{ date(article.news_date, "DATE_FORMAT") }}</time>
        {% if article.in_focus %}<span class="badge">{{ _("Focus") }}</span>{% endif %}
        {% if "title" in missing %}<span class="badge badge--muted">{{ _("English only") }}</span>{% endif %}
      </p>
      {% if article.summary %}<p class="card__summary"{% if "summary" in missing %} lang="{{ article.fallback_language }}"{% endif %}>{{ article.summary }}</p>{% endif %}
    </div>
  </article>"""  # noqa: E501 (the template's own lines)


def main():
    django.setup()
    import jinja2
    from django.template.loader import get_template
    from django.test import RequestFactory
    from django.utils import formats, translation
    from django.utils.translation import gettext
    from wagtail.models import Site

    from news import languages
    from news.models import ArticlePage
    from news.models.base import card_rows, listed_articles
    from news.pictures import show as pictures

    translation.activate(languages.DEFAULT.code)
    request = RequestFactory().get("/en/news/", HTTP_HOST="127.0.0.1")
    request.site = Site.objects.get(is_default_site=True)
    articles = list(card_rows(listed_articles(ArticlePage.objects.all()))[:10])
    django_card = get_template("includes/article_card.html")
    environment = jinja2.Environment(autoescape=True)
    environment.globals.update(
        picture=lambda image, name, attrs: pictures.picture(request, image, name, attrs),
        pageurl=lambda page: page.get_url(request),
        date=formats.date_format,
        _=gettext,
    )
    jinja_card = environment.from_string(PORT)

    def django_cards():
        context = {"request": request}
        return "".join(django_card.render({**context, "article": a}, request) for a in articles)

    def jinja_cards():
        return "".join(jinja_card.render(article=a, request=request) for a in articles)

    if " ".join(django_cards().split()) != " ".join(jinja_cards().split()):
        raise SystemExit("the two engines' cards differ: fix the port first")
    spent = {"Django": [], "Jinja2": []}
    for _ in range(REPEAT):  # alternating, so both see the same machine
        for name, render in (("Django", django_cards), ("Jinja2", jinja_cards)):
            started = time.process_time()
            render()
            spent[name].append((time.process_time() - started) * 1000)
    medians = {name: statistics.median(runs) for name, runs in spent.items()}
    print(f"{len(articles)} cards: " + ", ".join(f"{n} {ms:.2f} ms" for n, ms in medians.items()))


if __name__ == "__main__":
    main()
