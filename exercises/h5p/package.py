"""An uploaded H5P activity: the .h5p file as given, and its folder unpacked beside it.

It belongs to one class: the portal administrator uploads and replaces it, its teachers
choose it in the Wagtail admin (wagtail_hooks.py), and the people of the class (or of
another class whose exercise uses it) are served its files by views.package_file.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from . import archive


def _upload_to(package, filename):
    return f"{archive.STORAGE_DIR}/uploads/{package.folder}.h5p"


class H5PPackage(models.Model):
    title = models.CharField(_("title"), max_length=255, blank=True)
    classroom = models.ForeignKey(
        "classrooms.ClassroomPage",
        on_delete=models.CASCADE,
        related_name="h5p_packages",
        verbose_name=_("class"),
        help_text=_("The class whose teachers use it; its pupils may play it."),
    )
    file = models.FileField(
        _("H5P file"),
        upload_to=_upload_to,
        help_text=_(
            "An .h5p file, downloaded from h5p.org (“Reuse”) or saved by Lumi, with its libraries."
        ),
    )
    folder = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    main_library = models.CharField(_("activity type"), max_length=120, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("H5P activity")
        verbose_name_plural = _("H5P activities")
        ordering = ["title"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        """A new file is checked again and unpacked into a new folder; the old one goes."""
        old_folder = old_file = None
        if self.file_is_new():
            info = archive.check(self.file)
            if self.pk and self.main_library:
                old_folder, self.folder = self.folder, uuid.uuid4()
                old_file = type(self).objects.filter(pk=self.pk).values_list("file", flat=True)[0]
            self.main_library = info.main_library
            self.title = self.title or info.title or str(_("H5P activity"))
            try:
                archive.extract(self.file, self.folder)
            except BaseException:
                # Nothing half unpacked stays on disk (a member damaged after the check).
                archive.remove(self.folder)
                if old_folder:
                    self.folder = old_folder
                raise
        super().save(*args, **kwargs)
        if old_folder:
            archive.remove(old_folder)
        if old_file and old_file != self.file.name:
            self.file.storage.delete(old_file)

    def delete(self, *args, **kwargs):
        folder, name = self.folder, self.file.name
        result = super().delete(*args, **kwargs)
        archive.remove(folder)
        if name:
            self.file.storage.delete(name)
        return result

    def clean(self):
        super().clean()
        if self.file_is_new():
            try:
                info = archive.check(self.file)
            except ValidationError as error:
                raise ValidationError({"file": error.messages}) from error
            self.main_library = info.main_library
            self.title = self.title or info.title or str(_("H5P activity"))

    def file_is_new(self) -> bool:
        """Whether the file is not the one unpacked already (a new or replaced upload)."""
        if not self.file:
            return False
        if self.pk is None or not self.main_library:
            return True
        stored = type(self).objects.filter(pk=self.pk).values_list("file", flat=True).first()
        return stored != self.file.name

    @property
    def base_path(self):
        """Where its files are stored, in the media storage."""
        return f"{archive.STORAGE_DIR}/{self.folder}"
