"""Synthetic articles for the translation memory's benchmark (bench/memory.py), as varied as a
real archive: nearly every paragraph distinct, a few phrases recurring.

- English: words drawn from a Zipfian vocabulary (rank r drawn with weight 1/r) of the ~100
  commonest real function words followed by VOCABULARY pseudo-words (1–4 syllables), so that
  common trigrams ("the", " of") are in nearly every segment and rare ones in few.
- Chinese: a Zipfian vocabulary of common function characters (的, 了, 在…) followed by
  VOCABULARY pseudo-words of 2–4 characters drawn (weight 1/r^0.7) from CHARACTERS code
  points of the CJK block.
- In both: recurring institutional phrases (the university's name, schools, titles), numbers
  and dates, in a share of the sentences.
- An article: a title (6–12 words), a summary (15–30), PARAGRAPHS paragraphs of 2–4
  sentences (20–60 words) and two of the sentences of its first paragraph: 8 segments. The
  Chinese side is drawn independently (the benchmark never checks what a translation says).

`near(text)` edits a text as a writer reusing an earlier paragraph would: a few words (names,
numbers, a verb) replaced, inserted or dropped.
"""

import itertools
import random

VOCABULARY = 30_000
CHARACTERS = 6_000  # the Chinese pseudo-words' characters: U+4E00 onwards, Zipfian
PARAGRAPHS = 4

FUNCTION = [
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "for",
    "on",
    "at",
    "with",
    "by",
    "from",
    "that",
    "is",
    "was",
    "as",
    "it",
    "be",
    "are",
    "its",
    "this",
    "were",
    "has",
    "have",
    "will",
    "an",
    "which",
    "their",
    "or",
    "more",
    "been",
    "also",
    "new",
    "than",
    "two",
    "after",
    "about",
    "over",
    "into",
    "first",
    "its",
    "year",
    "other",
    "said",
    "our",
    "one",
    "three",
    "last",
    "can",
    "these",
    "such",
    "who",
    "all",
    "most",
    "between",
    "during",
    "while",
    "under",
    "since",
    "may",
    "would",
    "through",
    "both",
    "before",
    "them",
    "many",
    "some",
    "three",
    "four",
    "they",
    "he",
    "she",
    "not",
    "but",
    "his",
    "her",
    "has",
    "had",
    "per",
]
ZH_FUNCTION = list("的了在是和与对为中有也将从上等并于由其年日月及所以到")
PHRASES = [
    ("Beijing Institute of Technology", "北京理工大学"),
    ("the School of Mechanical Engineering", "机械与车辆学院"),
    ("the School of Information and Electronics", "信息与电子学院"),
    ("the School of Materials Science and Engineering", "材料学院"),
    ("the Graduate School", "研究生院"),
    ("Party Secretary", "党委书记"),
    ("President of the university", "校长"),
    ("Vice President", "副校长"),
    ("academician of the Chinese Academy of Sciences", "中国科学院院士"),
    ("the Zhongguancun campus", "中关村校区"),
    ("the Liangxiang campus", "良乡校区"),
    ("the Ministry of Education", "教育部"),
    ("National Natural Science Foundation of China", "国家自然科学基金"),
    ("Double First-Class initiative", "双一流建设"),
    ("the international student office", "国际学生中心"),
    (
        "the State Key Laboratory of Explosion Science and Technology",
        "爆炸科学与技术国家重点实验室",
    ),
]
MONTHS = "January February March April May June July August September October November December"
ONSETS = [
    *"bcdfghjklmnprstvwz",
    "br",
    "ch",
    "cl",
    "dr",
    "fl",
    "gr",
    "pl",
    "pr",
    "sh",
    "st",
    "th",
    "tr",
    "wh",
    "",
]
VOWELS = [*"aeiouy", "ai", "ea", "ee", "ie", "oa", "oo", "ou"]
CODAS = ["", "", "", *"lmnrstxd", "ck", "ght", "ng", "nt", "rd", "sk", "st", "th"]
SYLLABLES = [o + v + c for o in ONSETS for v in VOWELS for c in CODAS]


def _zipf(count, exponent=1.0):
    """Cumulative weights 1/r^exponent for ranks 1..count (random.choices' cum_weights)."""
    return list(itertools.accumulate(1 / r**exponent for r in range(1, count + 1)))


class Writer:
    """Synthetic English and Chinese text from one seeded generator."""

    def __init__(self, seed):
        self.rng = rng = random.Random(seed)  # noqa: S311 (the same text every run)
        words = set()
        while len(words) < VOCABULARY:
            words.add("".join(rng.choices(SYLLABLES, k=rng.choice((1, 2, 2, 3, 3, 4)))))
        self.english = FUNCTION + rng.sample(sorted(words), len(words))
        chars = [chr(0x4E00 + n) for n in rng.sample(range(20_000), CHARACTERS)]
        char_weights = _zipf(CHARACTERS, 0.7)
        chinese = set()
        while len(chinese) < VOCABULARY:
            chinese.add("".join(rng.choices(chars, cum_weights=char_weights, k=rng.randint(2, 4))))
        self.chinese = ZH_FUNCTION + rng.sample(sorted(chinese), len(chinese))
        self.english_weights = _zipf(len(self.english))
        self.chinese_weights = _zipf(len(self.chinese))

    def _extra(self):
        """A recurring phrase, a number or a date (English, Chinese), or None."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.25:
            return rng.choice(PHRASES)
        if roll < 0.4:
            n = rng.randint(2, 5000)
            return str(n), str(n)
        if roll < 0.5:
            day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1995, 2026)
            english = f"{day} {MONTHS.split()[month - 1]} {year}"
            return english, f"{year}年{month}月{day}日"
        return None

    def words(self, count, chinese=False):
        vocabulary, weights = (
            (self.chinese, self.chinese_weights)
            if chinese
            else (self.english, self.english_weights)
        )
        return self.rng.choices(vocabulary, cum_weights=weights, k=count)

    def sentence(self, low, high):
        """(English, Chinese) of low–high words each."""
        rng = self.rng
        en, zh = self.words(rng.randint(low, high)), self.words(rng.randint(low, high), True)
        extra = self._extra()
        if extra:
            en.insert(rng.randrange(len(en)), extra[0])
            zh.insert(rng.randrange(len(zh)), extra[1])
        en[0] = en[0][:1].upper() + en[0][1:]
        return " ".join(en) + ".", "".join(zh) + "。"

    def paragraph(self):
        """(English, Chinese, [(English, Chinese) sentence]) of 2–4 sentences, 20–60 words."""
        sentences = [self.sentence(8, 15) for _ in range(self.rng.randint(2, 4))]
        return (
            " ".join(en for en, _ in sentences),
            "".join(zh for _, zh in sentences),
            sentences,
        )

    def article(self):
        """[(kind, English, Chinese)]: the 8 segments of an article."""
        title = self.sentence(6, 12)
        segments = [("title", title[0][:-1], title[1][:-1]), ("summary", *self.sentence(15, 30))]
        first = None
        for _ in range(PARAGRAPHS):
            en, zh, sentences = self.paragraph()
            first = first or sentences
            segments.append(("body", en, zh))
        segments += [("body-sentence", en, zh) for en, zh in first[:2]]
        return segments

    def near(self, text, chinese, edits):
        """`text` with `edits` words replaced, inserted or dropped (a writer's reuse)."""
        rng = self.rng
        units = self._chinese_words(text) if chinese else text.split(" ")
        for _ in range(edits):
            at = rng.randrange(len(units))
            action = rng.random()
            new = self.words(1, chinese)[0] if rng.random() < 0.7 else str(rng.randint(2, 999))
            if action < 0.6 or len(units) < 4:
                units[at] = new
            elif action < 0.8:
                units.insert(at, new)
            else:
                del units[at]
        return ("" if chinese else " ").join(units)

    def _chinese_words(self, text):
        """`text` cut into 2–3 character pieces (the synthetic words' length, near enough)."""
        pieces, at = [], 0
        while at < len(text):
            step = self.rng.randint(2, 3)
            pieces.append(text[at : at + step])
            at += step
        return pieces
