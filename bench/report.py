"""The results as text: the tables `make bench` prints."""


def table(results):
    """Two tables: serving under load (wrk), and single requests around a publish."""
    head = (
        f"{'page':<16} {'cold r/s':>8} {'p50':>5} {'p99':>5} {'CPU ms':>6} {'queries':>7} "
        f"{'SQL ms':>6} | {'warm r/s':>8} {'p99':>4} {'CPU ms':>6} | {'varnish':>7} {'p99':>4} | "
        f"{'bare r/s':>8} {'CPU ms':>6} | {'nginx r/s':>9} | {'warm/bare':>9} "
        f"{'varnish/nginx':>13} {'bare/cold':>9}"
    )
    lines = [head, "-" * len(head)]
    for name, page in results.items():
        cold, warm_, front = page["bitnews"], page["warm"], page["varnish"]
        bare, nginx_ = page["bare"], page["nginx"]
        lines.append(
            f"{name:<16} {cold['rps']:>8.1f} {cold['p50_ms']:>5.1f} {cold['p99_ms']:>5.1f} "
            f"{cold['cpu_ms']:>6.1f} {page['queries']:>7.1f} {page['sql_ms']:>6.1f} | "
            f"{warm_['rps']:>8.0f} {warm_['p99_ms']:>4.1f} {warm_['cpu_ms']:>6.2f} | "
            f"{front['rps']:>7.0f} {front['p99_ms']:>4.1f} | "
            f"{bare['rps']:>8.0f} {bare['cpu_ms']:>6.2f} | {nginx_['rps']:>9.0f} | "
            f"{warm_['rps'] / bare['rps']:>9.0%} {front['rps'] / nginx_['rps']:>13.0%} "
            f"{bare['rps'] / cold['rps']:>8.0f}x"
        )
    head = (
        f"{'page':<16} {'cold ms':>8} {'scratch ms':>10} {'after publish ms':>16} "
        f"{'after/scratch':>13} {'after/cold':>10}"
    )
    lines += ["", head, "-" * len(head)]
    for name, page in results.items():
        lines.append(
            f"{name:<16} {page['cold_ms']:>8.1f} {page['scratch_ms']:>10.1f} "
            f"{page['after_publish_ms']:>16.1f} "
            f"{page['after_publish_ms'] / page['scratch_ms']:>13.2f} "
            f"{page['after_publish_ms'] / page['cold_ms']:>10.1f}"
        )
    return "\n".join(lines)


def nothing_table(results):
    """From nothing (issue 24) next to warm and kept fragments: under wrk (FRAGMENTS=off) and
    in process (bench/nothing.py), each page against the targets."""
    head = (
        f"{'page':<16} {'warm CPU':>8} | {'kept r/s':>8} {'CPU ms':>6} {'queries':>7} | "
        f"{'nothing r/s':>11} {'p50':>6} {'p99':>6} {'CPU ms':>6} | {'in-process CPU':>14} "
        f"{'queries':>7} {'SQL ms':>6} | targets"
    )
    lines = [
        "From nothing (issue 24: at most 6 ms CPU, 8 queries, 5 ms SQL a page):",
        head,
        "-" * len(head),
    ]
    for name, page in results.items():
        kept, nothing = page["bitnews"], page["nothing"]
        over = page["over"]
        lines.append(
            f"{name:<16} {page['warm']['cpu_ms']:>8.2f} | {kept['rps']:>8.1f} "
            f"{kept['cpu_ms']:>6.1f} {page['queries']:>7.1f} | {nothing['rps']:>11.1f} "
            f"{nothing['p50_ms']:>6.1f} {nothing['p99_ms']:>6.1f} {nothing['cpu_ms']:>6.1f} | "
            f"{page['nothing_cpu_ms']:>14.1f} {page['nothing_queries']:>7.0f} "
            f"{page['nothing_sql_ms']:>6.1f} | {'✗ over: ' + ', '.join(over) if over else '✓'}"
        )
    met = sum(not page["over"] for page in results.values())
    lines.append(f"{met} of {len(results)} pages within every target.")
    return "\n".join(lines)


def long_tail_table(tail, results, articles):
    """The long-tail row, next to an article's warm, kept-fragment and from-nothing rows."""
    languages_ = ", ".join(f"{count:,} {code}" for code, count in tail["languages"].items())
    every = "every article's" if tail["articles"] >= articles else "articles evenly spread"
    lines = [
        "",
        f"Long tail at {articles:,} articles: {tail['addresses']:,} distinct article addresses "
        f"({languages_}; {every}: {tail['articles']:,} articles), nothing kept before (page "
        f"cache on, Redis emptied), each asked for once: {tail['answered']:,} answered "
        f"({tail['failed']} not 200) in {tail['seconds']:.0f} s; {tail['kept_answers']} more "
        "answers were repeats, from the page cache, while the last were being rendered.",
    ]
    head = f"{'':<20} {'r/s':>8} {'p50':>7} {'p99':>7} {'CPU ms':>7} {'queries':>7} {'SQL ms':>6}"
    lines += [head, "-" * len(head)]

    def row(label, figures, queries, sql):
        lines.append(
            f"{label:<20} {figures['rps']:>8.1f} {figures['p50_ms']:>7.1f} "
            f"{figures['p99_ms']:>7.1f} {figures['cpu_ms']:>7.2f} {queries:>7.1f} {sql:>6.1f}"
        )

    row("long tail", tail, tail["queries"] or 0, tail["sql_ms"] or 0)
    for name in ("article-en", "article-zh"):
        page = results.get(name)
        if page:
            row(f"{name} warm", page["warm"], 0, 0)
            row(f"{name} kept", page["bitnews"], page["queries"], page["sql_ms"])
            row(f"{name} nothing", page["nothing"], page["nothing_queries"], page["nothing_sql_ms"])
    return "\n".join(lines)


def writes_table(writes):
    """What writes cost the cache (bench/invalidation.py), as text."""
    attack, publish = writes["attack"], writes["publish"]
    lines = [
        "",
        "Writes (bench/invalidation.py):",
        f"  failed sign-ins, {attack['sign_in_answers']} answers, "
        f"{attack['axes_attempts_written']} attempts written: {attack['attacked_rps']:.0f} req/s "
        f"against {attack['quiet_rps']:.0f} without ({100 * attack['ratio']:.0f} %)",
        f"  a new story published during a warm run: {publish['still_hits']} of "
        f"{publish['kept_before']} sampled addresses (of {publish['sitemap_addresses']} in the "
        f"sitemaps) still hits ({100 * (publish['hit_ratio'] or 0):.1f} %); publish took "
        f"{publish['publish_ms']:.0f} ms; shown at the next request: "
        f"{sum(publish['show_it_next_request'].values())} of "
        f"{len(publish['show_it_next_request'])} pages that show it",
    ]
    junk = writes["junk"]
    lines.append(
        f"  {junk['requests']} requests with junk query strings (an article, home): "
        f"{junk['entries_added']} entries added; answers {junk['answers']}"
    )
    if "varnish" in writes:
        hits, during = writes["varnish"]["hits"], writes["varnish"]["during_publish"]
        lines.append(
            f"  through Varnish, a story read while it is edited and published: p50 "
            f"{during['p50_ms']:.2f} ms, p99 {during['p99_ms']:.2f}, slowest "
            f"{during['max_ms']:.2f} ({during['requests']} requests, {during['errors']} errors); "
            f"hits alone: p50 {hits['p50_ms']:.2f}, p99 {hits['p99_ms']:.2f}, slowest "
            f"{hits['max_ms']:.2f}; the correction shown after: "
            f"{writes['varnish']['corrected_shown_after']}"
        )
    return "\n".join(lines)


def memory_table(memory):
    """The translation memory's lookups (bench/memory.py)."""
    lines = [
        f"Translation memory (bench/memory.py): {memory['segments']:,} segments of "
        f"{memory['articles']:,} synthetic articles, filled in {memory['fill_seconds']} s; "
        f"lookups through the JSON view in process:",
        f"  {'lookup':<16}{'n':>4}{'p50 ms':>9}{'p99 ms':>9}  with suggestions  near found",
    ]
    for kind, row in memory["lookups"].items():
        lines.append(
            f"  {kind:<16}{row['n']:>4}{row['p50_ms']:>9.2f}{row['p99_ms']:>9.2f}  "
            f"{row['with_suggestions']:<16}  {row.get('near_found', 0)}/{row.get('near', 0)}"
        )
    verdict = "within" if memory["within_target"] else "OVER"
    recall = memory.get("recall")
    lines.append(
        f"  all: p50 {memory['p50_ms']:.2f} ms, p99 {memory['p99_ms']:.2f} ms; fuzzy recall "
        f"(score ≥ {memory.get('near_score')}) "
        f"{'n/a' if recall is None else f'{recall:.0%}'}; time guard fired "
        f"{memory.get('guard_fired', 0)} times: {verdict} the {memory['target_ms']} ms target"
    )
    return "\n".join(lines)


def newsletter_table(sent):
    """Sending the newsletter while the site serves (bench/newsletter.py)."""
    before, during = sent["before"], sent["during"]
    return "\n".join(
        [
            f"Newsletter (bench/newsletter.py): {sent['arrived']:,} of {sent['subscribers']:,} "
            f"mails in {sent['seconds']} s ({sent['mails_per_second']} mails/s, the worker at "
            "an unlimited rate, an SMTP sink)",
            f"  {sent['page']} rendered (PAGE_CACHE=off): before {before['rps']:.0f} req/s, "
            f"p99 {before['p99_ms']:.0f} ms; while sending {during['rps']:.0f} req/s, "
            f"p99 {during['p99_ms']:.0f} ms",
        ]
    )
