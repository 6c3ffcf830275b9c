"""The glossary: approved term pairs, found in a text and checked before publishing.

- matching.py: where a text names a term (`find_terms`) or uses a forbidden variant
  (`forbidden_in`): literal matching, English words whole and case-insensitive, Chinese as
  substrings, the longest term where two overlap. The editor's highlighting calls it.
- checks.py: `check(page, lang)`, each term of the other language's text whose approved form
  is missing from `lang`'s, and each forbidden variant used, field by field; the JSON view.
- admin.py: Settings › Glossary (a ModelViewSet, Wagtail's model permissions: migration
  0003_glossary_permissions); warnings.py: the warnings the publisher sees in the editor.
- starter.toml: the demo's starter set (`manage.py load_glossary`, run by load_demo).
"""
