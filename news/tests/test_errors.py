from django.http import Http404
from django.test import RequestFactory, TestCase
from django.utils import translation
from django.views.defaults import page_not_found, server_error


class ErrorPagesTests(TestCase):
    def test_404_page_renders_without_touching_the_database(self):
        request = RequestFactory().get("/zh-hans/missing/")
        with translation.override("zh-hans"), self.assertNumQueries(0):
            response = page_not_found(request, Http404())
        self.assertEqual(response.status_code, 404)
        html = response.content.decode()
        self.assertIn("找不到页面", html)
        self.assertIn('<html lang="zh-hans">', html)

    def test_500_page_renders_without_touching_the_database(self):
        request = RequestFactory().get("/en/")
        with self.assertNumQueries(0):
            response = server_error(request)
        self.assertEqual(response.status_code, 500)
        html = response.content.decode()
        self.assertIn("Something went wrong", html)
        self.assertIn("出错了", html)
