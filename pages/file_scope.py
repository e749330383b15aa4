"""Which files a page may show, checked when it is saved: the form fields accept any id.

Wagtail's choosers offer an editor only the images, documents and recordings of the
collections she may use, but the fields behind them accept any id typed into the
request: a teacher could put another class's photo into her entry (issue 15). So the
admin form of every page type that can show a file (`FileScopePageForm`, its
`base_form_class`) lists the files the page references, with the public API Wagtail's
reference index uses (`extract_references` of StreamField and rich text fields, and
foreign keys), and asks the rules registered by the apps that own collections
(classrooms/ for class spaces, from its `ready()`) which of them the page may not show;
each refusal is shown where the file was chosen, and nothing is saved. Front-end
editors ask the same rules (classrooms/file_scope.py).

Inline panels (child formsets) are not read: no page type holds files in one.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.forms.utils import ErrorList
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks import ChooserBlock, ListBlock, StreamBlock, StructBlock
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.fields import StreamField


@dataclass(frozen=True)
class FileReference:
    """One object a page's field points at: what (model, pk) and where.

    `path` leads to the block holding it inside a StreamField: positions in streams and
    lists, child names in structs (block ids would not do: a block just added has none).
    """

    model: type
    pk: str
    field: str
    path: tuple = ()


# Each rule: (user, page_path, references) → [(reference, message)], where page_path is
# the page's tree path (its parent's while it is being created).
_rules = []


def register_rule(rule) -> None:
    if rule not in _rules:
        _rules.append(rule)


def refusals(user, page_path, references) -> list[tuple[FileReference, str]]:
    """What the registered rules refuse among these references, with why."""
    references = list(references)
    if not references:
        return []
    return [refusal for rule in _rules for refusal in rule(user, page_path, references)]


def references_in(model_field, value, field_name) -> list[FileReference]:
    """The objects a model field's value points at (a StreamField's blocks included)."""
    if value in (None, ""):
        return []
    if isinstance(model_field, models.ForeignKey):
        if isinstance(value, models.Model):
            return [FileReference(type(value), str(value.pk), field_name)]
        return []
    if isinstance(model_field, StreamField):
        return [
            FileReference(model, str(pk), field_name, path)
            for model, pk, path in _in_block(model_field.stream_block, value, ())
        ]
    extract = getattr(model_field, "extract_references", None)
    if extract is None:
        return []
    return [FileReference(model, str(pk), field_name) for model, pk, _mp, _cp in extract(value)]


def _walks_into(block):
    """Streams, lists and plain structs are walked; other blocks say what they reference."""
    if isinstance(block, (StreamBlock, ListBlock)):
        return True
    # Some structs (Wagtail's ImageBlock) hold a model instance, not a StructValue.
    return isinstance(block, StructBlock) and (
        type(block).extract_references is StructBlock.extract_references
    )


def _children(block, value):
    """(step, child block, child value) of a stream, list or struct value."""
    if isinstance(block, StreamBlock):
        return [(position, child.block, child.value) for position, child in enumerate(value)]
    if isinstance(block, ListBlock):
        return [(position, block.child_block, item) for position, item in enumerate(value)]
    return [(name, child, value.get(name)) for name, child in block.child_blocks.items()]


def _in_block(block, value, path):
    if value is None:
        return
    if _walks_into(block):
        for step, child_block, child_value in _children(block, value):
            yield from _in_block(child_block, child_value, (*path, step))
        return
    for model, pk, _model_path, _content_path in block.extract_references(value):
        yield model, pk, path


def block_error(block, value, items):
    """The error of a block holding these (path, message) items, down its structure."""
    loose = [message for path, message in items if not path]
    nested = defaultdict(list)
    for path, message in items:
        if path:
            nested[path[0]].append((path[1:], message))
    if not _walks_into(block) or not nested:
        if isinstance(block, StreamBlock):
            return StreamBlockValidationError(non_block_errors=ErrorList(loose))
        if isinstance(block, ListBlock):
            return ListBlockValidationError(non_block_errors=ErrorList(loose))
        if isinstance(block, StructBlock):
            return StructBlockValidationError(non_block_errors=ErrorList(loose))
        return ValidationError(loose)
    children = {step: (child, child_value) for step, child, child_value in _children(block, value)}
    errors = {
        step: block_error(*children[step], sub_items)
        for step, sub_items in nested.items()
        if step in children
    }
    non_block = ErrorList(loose) if loose else None
    if isinstance(block, StreamBlock):
        return StreamBlockValidationError(block_errors=errors, non_block_errors=non_block)
    if isinstance(block, ListBlock):
        return ListBlockValidationError(block_errors=errors, non_block_errors=non_block)
    return StructBlockValidationError(block_errors=errors, non_block_errors=non_block)


def _posted_index(data, prefix, position, block):
    """The index under which the stream or list item at `position` was posted.

    As StreamBlock and ListBlock read them back: items not deleted (of a known type, in
    a stream), by their "order".
    """
    try:
        items = []
        for index in range(int(data.get(f"{prefix}-count", 0))):
            if data.get(f"{prefix}-{index}-deleted"):
                continue
            posted_type = data.get(f"{prefix}-{index}-type")
            if isinstance(block, StreamBlock) and posted_type not in block.child_blocks:
                continue
            items.append((int(data.get(f"{prefix}-{index}-order", index)), index))
    except ValueError:
        return None
    items.sort()
    return items[position][1] if position < len(items) else None


def posted_key(block, value, path, prefix, data):
    """The name of the form input holding the chooser at `path`, or None if none does."""
    if not path:
        return prefix if isinstance(block, ChooserBlock) else None
    if not _walks_into(block):
        return None
    step, *rest = path
    children = {step: (child, child_value) for step, child, child_value in _children(block, value)}
    if step not in children:
        return None
    child, child_value = children[step]
    if isinstance(block, StructBlock):
        return posted_key(child, child_value, rest, f"{prefix}-{step}", data)
    index = _posted_index(data, prefix, step, block)
    if index is None:
        return None
    return posted_key(child, child_value, rest, f"{prefix}-{index}-value", data)


class FileScopePageForm(WagtailAdminPageForm):
    """The admin form of every page type: it refuses files the page may not show.

    A refused file is also taken out of the form shown again, so that the page does not
    show its title or preview to someone who may not see it: the editor chooses again.
    """

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk:
            page_path = self.instance.path
        elif self.parent_page is not None:
            page_path = self.parent_page.path
        else:
            return cleaned_data
        references = []
        for name in self.fields:
            if name not in cleaned_data:
                continue
            try:
                model_field = self._meta.model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            references += references_in(model_field, cleaned_data[name], name)
        by_field = defaultdict(list)
        for reference, message in refusals(self.for_user, page_path, references):
            by_field[reference.field].append((reference.path, message))
        if not by_field:
            return cleaned_data
        data = self.data.copy()
        for name, items in by_field.items():
            value = cleaned_data[name]
            model_field = self._meta.model._meta.get_field(name)
            if isinstance(model_field, StreamField):
                block = model_field.stream_block
                for path, _message in items:
                    key = posted_key(block, value, path, self.add_prefix(name), data)
                    if key is not None:
                        data[key] = ""
                self.add_error(name, block_error(block, value, items))
            else:
                if isinstance(model_field, models.ForeignKey):
                    data[self.add_prefix(name)] = ""
                self.add_error(name, list(dict.fromkeys(message for _path, message in items)))
        self.data = data
        return cleaned_data
