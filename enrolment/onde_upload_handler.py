"""Uploaded ONDE files stay in memory, are never written to disk, and are capped.

Django writes uploads larger than 2.5 MB to a temporary file; an ONDE export holds
children's personal data, so the import view swaps in this handler, which keeps at most
`onde.MAX_FILE_SIZE` bytes of each file in memory and drops the rest, remembering only
how large the file was so that the form can refuse it.
"""

from io import BytesIO

from django.core.files.uploadedfile import InMemoryUploadedFile
from django.core.files.uploadhandler import FileUploadHandler

from .onde import MAX_FILE_SIZE


class CappedMemoryUploadHandler(FileUploadHandler):
    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.buffer = BytesIO()
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received <= MAX_FILE_SIZE:
            self.buffer.write(raw_data)
        # Nothing is passed on to other handlers: no temporary file, ever.
        return None

    def file_complete(self, file_size):
        if self.received > MAX_FILE_SIZE:
            self.buffer = BytesIO()  # the size alone is kept, for the error message
        self.buffer.seek(0)
        return InMemoryUploadedFile(
            file=self.buffer,
            field_name=self.field_name,
            name=self.file_name,
            content_type=self.content_type,
            size=self.received,
            charset=self.charset,
            content_type_extra=self.content_type_extra,
        )
