"""Who is asking (news/visitor.py): X-Forwarded-For is believed only on a connection from one
of our proxies (TRUSTED_PROXIES), and only as far back as our proxies wrote it."""

from django.test import RequestFactory, SimpleTestCase, override_settings

from news.visitor import client_ip


def asking(remote, forwarded=None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_ip(RequestFactory().get("/", **headers))


class ClientAddressTests(SimpleTestCase):
    def test_without_trusted_proxies_the_header_is_ignored(self):
        self.assertEqual(asking("203.0.113.7", "10.0.0.1"), "203.0.113.7")

    @override_settings(TRUSTED_PROXIES=["127.0.0.1", "10.1.0.0/16"])
    def test_from_our_proxy_the_entry_it_appended_is_the_visitor(self):
        self.assertEqual(asking("127.0.0.1", "6.6.6.6, 203.0.113.7"), "203.0.113.7")

    @override_settings(TRUSTED_PROXIES=["127.0.0.1", "10.1.0.0/16"])
    def test_through_two_of_our_proxies_the_first_one_outside_them_is_the_visitor(self):
        self.assertEqual(asking("127.0.0.1", "6.6.6.6, 203.0.113.7, 10.1.2.3"), "203.0.113.7")

    @override_settings(TRUSTED_PROXIES=["127.0.0.1"])
    def test_a_client_reaching_the_app_directly_is_its_own_address(self):
        self.assertEqual(asking("203.0.113.7", "127.0.0.1, 10.9.9.9"), "203.0.113.7")

    @override_settings(TRUSTED_PROXIES=["127.0.0.1"])
    def test_a_proxy_without_the_header_or_with_garbage_is_the_client(self):
        self.assertEqual(asking("127.0.0.1"), "127.0.0.1")
        self.assertEqual(asking("127.0.0.1", "not-an-address"), "127.0.0.1")

    @override_settings(TRUSTED_PROXIES=["::1"])
    def test_ipv6_proxies_and_visitors(self):
        self.assertEqual(asking("::1", "2001:db8::7"), "2001:db8::7")
