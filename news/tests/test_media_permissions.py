"""Who may delete or replace images and documents, through every door Wagtail opens for it
(news/newsroom/media_permissions.py, migration 0014): the single delete view, the
multiple-upload delete endpoint, the bulk action, the edit view that replaces the file."""

import wagtail.documents.views.multiple
import wagtail.images.views.bulk_actions.image_bulk_action
import wagtail.images.views.chooser
import wagtail.images.views.multiple
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from news.newsroom.media_permissions import DeleteNeedsItsOwnPermission
from news.newsroom.roles import CHIEF_EDITORS, MODERATORS
from news.tests.utils import RoleTestCase, member

IMAGE_DELETES = {
    "single": lambda image: (f"/admin/images/{image.pk}/delete/", {}),
    "multiple upload": lambda image: (f"/admin/images/multiple/{image.pk}/delete/", {}),
    "bulk action": lambda image: (
        f"/admin/bulk/wagtailimages/image/delete/?id={image.pk}",
        {"next": "/admin/images/"},
    ),
}
DOCUMENT_DELETES = {
    "single": lambda document: (f"/admin/documents/delete/{document.pk}/", {}),
    "multiple upload": lambda document: (f"/admin/documents/multiple/{document.pk}/delete/", {}),
    "bulk action": lambda document: (
        f"/admin/bulk/wagtaildocs/document/delete/?id={document.pk}",
        {"next": "/admin/documents/"},
    ),
}


def replacement():
    picture = get_test_image_file(filename="replaced.png", colour="red")
    return SimpleUploadedFile("replaced.png", picture.file.getvalue(), "image/png")


class MediaPermissionTests(RoleTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.chief_editor = member(CHIEF_EDITORS, "chief")

    def new_image(self, owner=None):
        return Image.objects.create(title="lab", file=get_test_image_file(), uploaded_by_user=owner)

    def new_document(self, owner=None):
        return Document.objects.create(
            title="report",
            file=ContentFile(b"%PDF-1.4 report", name="report.pdf"),
            uploaded_by_user=owner,
        )

    def test_only_moderators_delete_images_through_any_door(self):
        for role in (self.translator, self.editor, self.chief_editor):
            self.client.force_login(role)
            for door, request in IMAGE_DELETES.items():
                with self.subTest(role=role.username, door=door):
                    image = self.new_image(owner=role)
                    url, data = request(image)
                    response = self.client.post(url, data)
                    self.assertTrue(Image.objects.filter(pk=image.pk).exists())
                    self.assertNotIn(b'"success": true', response.content)

    def test_moderators_delete_images_through_every_door(self):
        self.client.force_login(self.moderator)
        for door, request in IMAGE_DELETES.items():
            with self.subTest(door=door):
                image = self.new_image()
                url, data = request(image)
                self.client.post(url, data)
                self.assertFalse(Image.objects.filter(pk=image.pk).exists())

    def test_only_moderators_delete_documents_through_any_door(self):
        for role, deletes in ((self.editor, False), (self.moderator, True)):
            self.client.force_login(role)
            for door, request in DOCUMENT_DELETES.items():
                with self.subTest(role=role.username, door=door):
                    document = self.new_document(owner=role)
                    url, data = request(document)
                    self.client.post(url, data)
                    exists = Document.objects.filter(pk=document.pk).exists()
                    self.assertEqual(exists, not deletes)

    def test_translator_cannot_replace_the_file_of_an_image_in_use(self):
        self.client.force_login(self.translator)
        image = self.new_image()
        before = image.file.name
        response = self.client.post(
            f"/admin/images/{image.pk}/",
            {"title": "lab", "file": replacement(), "collection": image.collection_id},
        )
        self.assertEqual(response["Location"], "/admin/")  # Wagtail's "permission denied"
        image.refresh_from_db()
        self.assertEqual(image.file.name, before)

    def test_editor_replaces_the_file_of_an_image(self):
        self.client.force_login(self.editor)
        image = self.new_image()
        response = self.client.post(
            f"/admin/images/{image.pk}/",
            {"title": "lab", "file": replacement(), "collection": image.collection_id},
        )
        self.assertEqual(response.status_code, 302)
        image.refresh_from_db()
        self.assertIn("replaced", image.file.name)

    def test_translator_still_chooses_images_for_the_chinese_body(self):
        self.client.force_login(self.translator)
        response = self.client.get("/admin/images/chooser/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "lab")

    def test_images_listing_offers_delete_to_moderators_only(self):
        policy = wagtail.images.views.multiple.permission_policy
        self.assertTrue(policy.user_has_permission(self.moderator, "delete"))
        self.assertFalse(policy.user_has_permission(self.editor, "delete"))
        self.assertTrue(policy.user_has_permission(self.editor, "change"))
        deleters = set(policy.users_with_permission("delete").values_list("username", flat=True))
        self.assertEqual(deleters, {"moderators"})
        listed = policy.instances_user_has_any_permission_for(self.moderator, ["delete"])
        self.assertIn(self.image, listed)
        self.assertNotIn(
            self.image, policy.instances_user_has_any_permission_for(self.editor, ["delete"])
        )

    def test_every_wagtail_module_asks_the_newsroom_policy(self):
        for policy in (
            wagtail.images.views.multiple.permission_policy,
            wagtail.images.views.chooser.permission_policy,
            wagtail.images.views.bulk_actions.image_bulk_action.images_permission_policy,
            wagtail.documents.views.multiple.permission_policy,
        ):
            self.assertIsInstance(policy, DeleteNeedsItsOwnPermission)


class GroupEditorTests(RoleTestCase):
    def test_the_group_editor_offers_the_delete_permission(self):
        admin = member(MODERATORS, "admin")
        admin.is_superuser = True
        admin.save()
        self.client.force_login(admin)
        moderators = Group.objects.get(name=MODERATORS)
        response = self.client.get(f"/admin/groups/edit/{moderators.pk}/")
        self.assertContains(response, "Delete any image")
        self.assertContains(response, "Delete any document")
