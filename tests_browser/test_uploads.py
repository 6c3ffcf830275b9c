"""An editor who drops a damaged photo on the multiple uploader sees why it was refused."""

import io

from PIL import Image


def truncated_jpeg():
    buffer = io.BytesIO()
    Image.effect_noise((400, 300), 64).convert("RGB").save(buffer, "JPEG")
    return buffer.getvalue()[:400]


def test_multiple_uploader_shows_the_error_for_a_truncated_jpeg(site, page):
    page.goto(site.url + "/admin/login/")
    page.get_by_label("Username").fill("admin")
    page.get_by_label("Password").fill(site.password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(site.url + "/admin/")
    page.goto(site.url + "/admin/images/multiple/add/")
    page.locator('input[type="file"][name="files[]"]').set_input_files(
        {"name": "photo.jpg", "mimeType": "image/jpeg", "buffer": truncated_jpeg()}
    )
    error = page.get_by_text("This file could not be read as an image")
    error.wait_for(timeout=15_000)
    assert error.is_visible()
