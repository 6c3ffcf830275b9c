"""The settings modules: production refuses to start half-configured; `make run` is DEBUG off."""

import runpy

import pytest
from django.core.exceptions import ImproperlyConfigured

PRODUCTION_ENVIRONMENT = {
    "SECRET_KEY": "settings-test",
    "ALLOWED_HOSTS": "news.example.edu.cn",
    "DATABASE_URL": "postgres://bitnews@127.0.0.1:5432/bitnews",
    "REDIS_URL": "redis://127.0.0.1:6379/3",
    "WAGTAILADMIN_BASE_URL": "https://news.example.edu.cn",
}


def load(module, monkeypatch, environment):
    for name in (*PRODUCTION_ENVIRONMENT, "DEBUG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    return runpy.run_module(module)


def test_production_starts_with_every_required_variable(monkeypatch):
    values = load("bitnews.settings.production", monkeypatch, PRODUCTION_ENVIRONMENT)
    assert values["WAGTAILADMIN_BASE_URL"] == "https://news.example.edu.cn"
    assert values["DEBUG"] is False
    cache = values["CACHES"]["default"]
    assert cache["BACKEND"] == "django_redis.cache.RedisCache"
    assert cache["LOCATION"] == "redis://127.0.0.1:6379/3"


@pytest.mark.parametrize("missing", sorted(PRODUCTION_ENVIRONMENT))
def test_production_refuses_to_start_without_a_required_variable(monkeypatch, missing):
    environment = {k: v for k, v in PRODUCTION_ENVIRONMENT.items() if k != missing}
    with pytest.raises(ImproperlyConfigured, match=f"Set the {missing} environment variable"):
        load("bitnews.settings.production", monkeypatch, environment)


def test_make_run_serves_with_debug_off_and_make_dev_with_debug_on(monkeypatch):
    assert load("bitnews.settings.dev", monkeypatch, {})["DEBUG"] is False
    assert load("bitnews.settings.dev", monkeypatch, {"DEBUG": "1"})["DEBUG"] is True


def test_the_demo_app_is_installed_on_local_machines_only(monkeypatch):
    values = load("bitnews.settings.production", monkeypatch, PRODUCTION_ENVIRONMENT)
    assert "demo" not in values["INSTALLED_APPS"]
    assert "demo" in load("bitnews.settings.dev", monkeypatch, {})["INSTALLED_APPS"]


@pytest.mark.parametrize(
    ("variable", "value", "said"),
    [
        ("TRUSTED_PROXIES", "127.0.0.1,nginx", "TRUSTED_PROXIES: 'nginx' is not an address"),
        ("PROXY_COUNT", "1", "PROXY_COUNT is replaced by TRUSTED_PROXIES"),
        ("METRICS_ALLOWED", "10.0.0.0/33", "METRICS_ALLOWED: '10.0.0.0/33'"),
        ("LOG_FORMAT", "xml", "LOG_FORMAT is 'xml'"),
    ],
)
def test_settings_refuse_a_proxy_metrics_or_log_setting_they_cannot_use(
    monkeypatch, variable, value, said
):
    for name in ("TRUSTED_PROXIES", "PROXY_COUNT", "METRICS_ALLOWED", "LOG_FORMAT"):
        monkeypatch.delenv(name, raising=False)
    environment = {**PRODUCTION_ENVIRONMENT, variable: value}
    with pytest.raises(ImproperlyConfigured, match=said):  # base.py's code: runpy runs it again
        load("bitnews.settings.base", monkeypatch, environment)


def test_trusted_proxies_are_read_as_a_list(monkeypatch):
    monkeypatch.delenv("PROXY_COUNT", raising=False)
    environment = {**PRODUCTION_ENVIRONMENT, "TRUSTED_PROXIES": "127.0.0.1, 10.1.0.0/16"}
    values = load("bitnews.settings.base", monkeypatch, environment)
    assert values["TRUSTED_PROXIES"] == ["127.0.0.1", "10.1.0.0/16"]
