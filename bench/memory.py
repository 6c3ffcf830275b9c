"""The translation memory at scale (desk/memory/): run inside the benchmark's database.

Fills the memory with ARTICLES synthetic articles' segments (SEGMENTS each, both directions:
varied English and Chinese sentences made from parallel word lists, attached to the live
articles in turn), then times LOOKUPS lookups through the JSON view in process (as a staff
user; exact, fuzzy and no-match texts, each language), and prints JSON: p50 and p99 ms of
each kind and whether p99 is within TARGET_MS. The synthetic rows are removed at the end.

`python -m bench.memory --articles 2000` (bench/run.py runs it after the other measures).
"""

import argparse
import json
import random
import statistics
import sys
import time

import django

TARGET_MS = 50
SEGMENTS = 8
LOOKUPS = 200
FIELD = "bench"  # the synthetic rows' field, so that they can be told apart and removed
BATCH = 20_000

# Parallel word lists: index i of each English list translates index i of the Chinese one.
SUBJECTS = [
    ("The university", "学校"),
    ("The School of Physics", "物理学院"),
    ("A research team", "一个研究团队"),
    ("The library", "图书馆"),
    ("Students from twelve countries", "来自十二个国家的学生"),
    ("The president", "校长"),
    ("The graduate school", "研究生院"),
    ("A delegation from Berlin", "来自柏林的代表团"),
    ("The robotics club", "机器人俱乐部"),
    ("Alumni in Shenzhen", "深圳校友"),
    ("The sports team", "运动队"),
    ("Researchers in chemistry", "化学研究人员"),
]
VERBS = [
    ("opened", "启用了"),
    ("visited", "参观了"),
    ("presented", "展示了"),
    ("celebrated", "庆祝了"),
    ("signed an agreement on", "签署了关于"),
    ("won a prize for", "获得了奖项："),
    ("announced", "宣布了"),
    ("hosted", "主办了"),
]
OBJECTS = [
    ("a new laboratory for space research", "新的航天研究实验室"),
    ("an exhibition of student projects", "学生作品展"),
    ("the annual science festival", "年度科技节"),
    ("a lecture on artificial intelligence", "人工智能讲座"),
    ("a partnership with industry", "校企合作项目"),
    ("the new sports centre", "新体育中心"),
    ("a conference on green energy", "绿色能源会议"),
    ("a summer school for engineers", "工程师暑期学校"),
    ("the results of a satellite mission", "卫星任务成果"),
    ("a scholarship programme", "奖学金计划"),
]
WHEN = [(f"on day {n}", f"第{n}天") for n in range(1, 366)]
PLACES = [
    ("in Beijing", "在北京"),
    ("on the Zhongguancun campus", "在中关村校区"),
    ("at the Liangxiang campus", "在良乡校区"),
    ("in the main hall", "在大礼堂"),
    ("online", "在线上"),
]


def sentence(rng):
    parts = [rng.choice(words) for words in (SUBJECTS, VERBS, OBJECTS, PLACES, WHEN)]
    (s, s_zh), (v, v_zh), (o, o_zh), (p, p_zh), (w, w_zh) = parts
    return f"{s} {v} {o} {p} {w}.", f"{s_zh}{w_zh}{p_zh}{v_zh}{o_zh}。"


def fill(articles, rng):
    """Bulk-insert the synthetic segments; returns a sample of (English, Chinese) pairs."""
    from django.utils import timezone

    from desk.memory.lookup import text_hash
    from desk.models import MemorySegment
    from news import languages
    from news.models import ArticlePage

    english = languages.DEFAULT.code
    chinese = languages.other(english).code
    pages = list(ArticlePage.objects.live().values_list("pk", flat=True))
    if not pages:
        raise SystemExit("no live article to attach the memory's segments to")
    now, rows, sample = timezone.now(), [], []
    for n in range(articles):
        page = pages[n % len(pages)]
        for position in range(SEGMENTS):
            en, zh = sentence(rng)
            if rng.random() < 0.01:
                sample.append((en, zh))
            for source, target, s, t in ((english, chinese, en, zh), (chinese, english, zh, en)):
                rows.append(
                    MemorySegment(
                        page_id=page,
                        field=FIELD,
                        position=position,
                        source_language=source,
                        target_language=target,
                        source_text=s,
                        target_text=t,
                        source_hash=text_hash(s),
                        date=now,
                    )
                )
        if len(rows) >= BATCH:
            MemorySegment.objects.bulk_create(rows)
            rows = []
    MemorySegment.objects.bulk_create(rows)
    return sample


def near(text, rng, segmented):
    """`text` with one word (English) or two characters (Chinese) changed: a fuzzy match."""
    if segmented:
        cut = rng.randrange(2, max(3, len(text) - 3))
        return text[:cut] + "新的" + text[cut + 2 :]
    words = text.split()
    words[rng.randrange(len(words))] = "several"
    return " ".join(words)


def lookups(sample, rng):
    """[(kind, source, target, text)]: LOOKUPS lookups, exact, fuzzy and no match in turn."""
    from news import languages

    english = languages.DEFAULT
    chinese = languages.other(english.code)
    nothing = {
        english: "Heavy rain closed the roads near the airport",
        chinese: "机场附近的道路因暴雨关闭",
    }
    asked = []
    for n in range(LOOKUPS):
        en, zh = rng.choice(sample)
        source, target, text = (english, chinese, en) if n % 2 else (chinese, english, zh)
        kind = ("exact", "fuzzy", "none")[n // 2 % 3]
        if kind == "fuzzy":
            text = near(text, rng, source.segmented)
        elif kind == "none":
            text = f"{nothing[source]} {n}"
        asked.append((kind, source.code, target.code, text))
    return asked


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--keep", action="store_true", help="leave the synthetic rows (EXPLAIN)")
    options = parser.parse_args()
    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import RequestFactory

    from desk.memory.views import suggestions
    from desk.models import MemorySegment

    rng = random.Random(27)  # noqa: S311 (the same synthetic text every run)
    MemorySegment.objects.filter(field=FIELD).delete()
    started = time.monotonic()
    sample = fill(options.articles, rng)
    fill_seconds = time.monotonic() - started
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE desk_memorysegment")
    user = get_user_model()(is_superuser=True, is_staff=True, is_active=True)
    factory = RequestFactory()
    times, found = {}, {}
    try:
        for kind, source, target, text in lookups(sample, rng):
            request = factory.get("/", {"source": source, "target": target, "text": text})
            request.user = user
            began = time.perf_counter()
            response = suggestions(request)
            elapsed = 1000 * (time.perf_counter() - began)
            if response.status_code != 200:
                raise SystemExit(f"{kind} {source} lookup answered {response.status_code}")
            key = f"{kind}-{source}"
            times.setdefault(key, []).append(elapsed)
            found[key] = found.get(key, 0) + bool(json.loads(response.content)["suggestions"])
    finally:
        if not options.keep:
            MemorySegment.objects.filter(field=FIELD).delete()
    every = sorted(t for values in times.values() for t in values)
    result = {
        "articles": options.articles,
        "segments": options.articles * SEGMENTS * 2,
        "fill_seconds": round(fill_seconds, 1),
        "lookups": {
            key: {
                "n": len(values),
                "p50_ms": round(statistics.median(values), 2),
                "p99_ms": round(percentile(values, 99), 2),
                "with_suggestions": found[key],
            }
            for key, values in sorted(times.items())
        },
        "p50_ms": round(statistics.median(every), 2),
        "p99_ms": round(percentile(every, 99), 2),
        "target_ms": TARGET_MS,
    }
    result["within_target"] = result["p99_ms"] <= TARGET_MS
    json.dump(result, sys.stdout)


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


if __name__ == "__main__":
    main()
