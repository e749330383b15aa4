"""ExercisePage now lives in the exercises app (exercises 0002); its table stays."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("classrooms", "0006_withheld_collection"),
        ("exercises", "0002_exercisepage_moved_from_classrooms"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="ExercisePage")],
            database_operations=[],
        ),
    ]
