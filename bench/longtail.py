"""Run inside the benchmark's database with the production settings (bench/measure.py starts it in
a process of its own): the long tail's addresses. Every article's address in each language it
is public in, as the article sitemaps list them (news/sitemaps.py: what crawlers ask for), at
most LIMIT of them: when there are more, articles evenly spread over the archive (every k-th,
newest to oldest) with all of their addresses. Shuffled with a fixed seed, one a line into
FILE; prints JSON {"addresses", "languages": {code: count}, "articles"}.

    python -m bench.longtail FILE LIMIT
"""

import json
import random
import sys
from pathlib import Path

import django

SEED = 24


def main(out, limit):
    django.setup()
    from news import languages
    from news.models import ARTICLE_ORDER
    from news.sitemaps import ArticleSitemap, published_articles, site_home

    sitemap = ArticleSitemap(languages.DEFAULT)
    rows = published_articles(site_home()).order_by(*ARTICLE_ORDER)
    rows = rows.values_list(*ArticleSitemap.COLUMNS, named=True)
    each = [
        [
            (language.code, sitemap.paths.url(row, language))
            for language in languages.LANGUAGES
            if getattr(row, language.field("public"))
        ]
        for row in rows
    ]
    total = sum(len(addresses) for addresses in each)
    if total > limit:
        keep = max(1, len(each) * limit // total)
        each = [each[len(each) * number // keep] for number in range(keep)]
    chosen = [address for addresses in each for address in addresses][:limit]
    if len({path for _code, path in chosen}) != len(chosen):
        raise SystemExit("an address twice: each must be asked for once")
    random.Random(SEED).shuffle(chosen)  # noqa: S311 - an order, not a secret
    Path(out).write_text("".join(f"{path}\n" for _code, path in chosen))
    counted = {language.code: 0 for language in languages.LANGUAGES}
    for code, _path in chosen:
        counted[code] += 1
    print(json.dumps({"addresses": len(chosen), "languages": counted, "articles": len(each)}))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    main(sys.argv[1], int(sys.argv[2]))
