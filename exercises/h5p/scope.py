"""An exercise plays only its own class's H5P packages: the rule every save of a page obeys.

The chooser offers a teacher her classes' packages only, but the field behind it accepts
any id typed into the request; and `views.may_play` serves a package's files to the
classes whose live exercises use it. So an exercise of one class naming another class's
package would hand that class's activity (and its files) to its pupils: saving a page
that references a package of a class it is not in is refused, where the package was
chosen. Registered with pages/file_scope.py (the admin's page forms) from
ExercisesConfig.ready(); the exercise builder does not edit H5P questions.
"""

from django.utils.translation import gettext_lazy as _

from .package import H5PPackage

IN_ANOTHER_CLASS = _(
    "This H5P activity belongs to another class: choose one of your class's activities."
)


def refused(user, page_path, references):
    """(reference, message) of the packages of another class than the page's."""
    wanted = {reference.pk for reference in references if issubclass(reference.model, H5PPackage)}
    if not wanted:
        return []
    classes = {
        str(pk): path
        for pk, path in H5PPackage.objects.filter(pk__in=wanted).values_list(
            "pk", "classroom__path"
        )
    }
    return [
        (reference, str(IN_ANOTHER_CLASS))
        for reference in references
        if issubclass(reference.model, H5PPackage)
        and reference.pk in classes
        and not page_path.startswith(classes[reference.pk])
    ]
