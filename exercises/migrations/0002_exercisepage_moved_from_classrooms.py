"""ExercisePage moves from classrooms to exercises: the activity owns its page type.

Only Django's idea of where the model lives changes (SeparateDatabaseAndState): the table
`classrooms_exercisepage`, its many-to-many tables and every row stay as they are. The
content type row is renamed rather than replaced, so existing exercise pages, their
revisions, workflow states and permissions keep pointing at it.
"""

import classrooms.models
import django.db.models.deletion
import modelcluster.fields
import wagtail.fields
from django.conf import settings
from django.db import migrations, models


def move_content_type(app_from, app_to):
    def move(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        Page = apps.get_model("wagtailcore", "Page")
        types = ContentType.objects.using(schema_editor.connection.alias)
        old = types.filter(app_label=app_from, model="exercisepage").first()
        if old is None:  # a new database: post_migrate creates the type where it now lives
            return
        stale = types.filter(app_label=app_to, model="exercisepage").first()
        if stale is not None:
            # Created by a run that stopped half-way; nothing can point at it but pages
            # made since, which are moved onto the kept row first.
            Page.objects.using(schema_editor.connection.alias).filter(
                content_type=stale
            ).update(content_type=old)
            stale.delete()
        old.app_label = app_to
        old.save(update_fields=["app_label"])

    return move


class Migration(migrations.Migration):

    dependencies = [
        ("classrooms", "0006_withheld_collection"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("exercises", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='ExercisePage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('body', wagtail.fields.StreamField([('instruction', 1), ('multiple_choice', 12), ('fill_in_blanks', 14), ('matching', 19), ('ordering', 21), ('short_answer', 24), ('mental_drill', 30), ('dictation', 33), ('activity', 38)], blank=True, block_lookup={0: ('wagtail.blocks.TextBlock', (), {'label': 'Instruction'}), 1: ('wagtail.blocks.StructBlock', [[('text', 0)]], {}), 2: ('wagtail.blocks.TextBlock', (), {'help_text': 'What the pupil reads: the question, or what to do.', 'label': 'Question'}), 3: ('wagtailmedia.blocks.AudioChooserBlock', (), {'help_text': 'The question read aloud, for pupils who cannot read yet.', 'label': 'Spoken instruction', 'required': False}), 4: ('wagtail.blocks.IntegerBlock', (), {'default': 1, 'help_text': "What the question counts for in the exercise's total; a partly right answer earns part of it.", 'label': 'Points', 'max_value': 100, 'min_value': 1}), 5: ('wagtail.blocks.CharBlock', (), {'label': 'Answer', 'max_length': 200, 'required': False}), 6: ('wagtail.images.blocks.ImageChooserBlock', (), {'label': 'Image', 'required': False}), 7: ('wagtail.blocks.CharBlock', (), {'help_text': 'Describe the picture for pupils who cannot see it; needed with an image.', 'label': 'Text alternative', 'max_length': 250, 'required': False}), 8: ('wagtail.blocks.BooleanBlock', (), {'default': False, 'label': 'Right answer', 'required': False}), 9: ('wagtail.blocks.StructBlock', [[('text', 5), ('image', 6), ('alt_text', 7), ('correct', 8)]], {}), 10: ('wagtail.blocks.ListBlock', (9,), {'help_text': 'Tick the right ones; pupils see the answers mixed up.', 'label': 'Answers'}), 11: ('wagtail.blocks.BooleanBlock', (), {'default': False, 'help_text': 'Pupils then tick every right answer and earn part of the points for part of them; otherwise they choose one answer.', 'label': 'Several right answers', 'required': False}), 12: ('wagtail.blocks.StructBlock', [[('prompt', 2), ('audio_instruction', 3), ('points', 4), ('choices', 10), ('several_answers', 11)]], {}), 13: ('wagtail.blocks.TextBlock', (), {'help_text': 'Put each word to find between square brackets: “Le chat [mange] la souris.” Other accepted answers follow a slash: [mange/dévore]. For a list to choose from, separate the choices with vertical bars, the right one first: [mange|mangent|manges]. Capitals and spaces do not count; accents do.', 'label': 'Text with blanks'}), 14: ('wagtail.blocks.StructBlock', [[('prompt', 2), ('audio_instruction', 3), ('points', 4), ('text', 13)]], {}), 15: ('wagtail.blocks.CharBlock', (), {'label': 'Item', 'max_length': 200}), 16: ('wagtail.blocks.CharBlock', (), {'label': 'Its match', 'max_length': 200}), 17: ('wagtail.blocks.StructBlock', [[('left', 15), ('right', 16)]], {}), 18: ('wagtail.blocks.ListBlock', (17,), {'help_text': 'Each line holds two things that go together; pupils see the right-hand ones mixed up.', 'label': 'Pairs'}), 19: ('wagtail.blocks.StructBlock', [[('prompt', 2), ('audio_instruction', 3), ('points', 4), ('pairs', 18)]], {}), 20: ('wagtail.blocks.ListBlock', (15,), {'help_text': 'Give them in the right order; pupils see them mixed up.', 'label': 'Items in the right order'}), 21: ('wagtail.blocks.StructBlock', [[('prompt', 2), ('audio_instruction', 3), ('points', 4), ('items', 20)]], {}), 22: ('wagtail.blocks.TextBlock', (), {'help_text': 'One per line. Capitals and spaces do not count; accents do, unless missing accents are accepted.', 'label': 'Accepted answers'}), 23: ('wagtail.blocks.BooleanBlock', (), {'default': False, 'help_text': '“ete” is then accepted for “été”; a wrong accent, as in “èté”, is not.', 'label': 'Accept missing accents', 'required': False}), 24: ('wagtail.blocks.StructBlock', [[('prompt', 2), ('audio_instruction', 3), ('points', 4), ('answers', 22), ('accept_missing_accents', 23)]], {}), 25: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('add', 'Addition (+)'), ('subtract', 'Subtraction (−)'), ('multiply', 'Multiplication (×)')], 'help_text': 'In subtractions the larger number comes first: no result is negative.', 'label': 'Operation'}), 26: ('wagtail.blocks.IntegerBlock', (), {'default': 0, 'label': 'Smallest number', 'max_value': 10000, 'min_value': 0}), 27: ('wagtail.blocks.IntegerBlock', (), {'default': 10, 'help_text': 'Both numbers of each operation are drawn between these two.', 'label': 'Largest number', 'max_value': 10000, 'min_value': 0}), 28: ('wagtail.blocks.IntegerBlock', (), {'default': 10, 'help_text': 'From 1 to 50; each attempt draws new ones.', 'label': 'Number of operations', 'max_value': 50, 'min_value': 1}), 29: ('wagtail.blocks.IntegerBlock', (), {'help_text': 'Leave empty for no time limit.', 'label': 'Seconds per operation', 'max_value': 600, 'min_value': 1, 'required': False}), 30: ('wagtail.blocks.StructBlock', [[('prompt', 2), ('audio_instruction', 3), ('points', 4), ('operation', 25), ('minimum', 26), ('maximum', 27), ('questions', 28), ('seconds', 29)]], {}), 31: ('wagtailmedia.blocks.AudioChooserBlock', (), {'label': 'Recording of the dictation'}), 32: ('wagtail.blocks.TextBlock', (), {'help_text': "Exactly as it must be written, punctuation included: the pupil's copy is marked word by word against it.", 'label': 'Text of the dictation'}), 33: ('wagtail.blocks.StructBlock', [[('prompt', 2), ('audio_instruction', 3), ('points', 4), ('audio', 31), ('text', 32)]], {}), 34: ('wagtail.blocks.CharBlock', (), {'help_text': 'What the pupil has to do in the activity.', 'label': 'Instruction', 'max_length': 250, 'required': False}), 35: ('wagtail.blocks.URLBlock', (), {'help_text': "The address of the activity's page on LearningApps or H5P, beginning with https://.", 'label': 'Address of the activity', 'max_length': 500}), 36: ('wagtail.blocks.CharBlock', (), {'help_text': 'Names the activity for pupils who use a screen reader.', 'label': 'Title', 'max_length': 200}), 37: ('wagtail.blocks.IntegerBlock', (), {'default': 600, 'help_text': 'From 300 to 1200; 600 when empty.', 'label': 'Height in pixels', 'max_value': 1200, 'min_value': 300, 'required': False}), 38: ('wagtail.blocks.StructBlock', [[('prompt', 34), ('url', 35), ('title', 36), ('height', 37)]], {})}, verbose_name='questions')),
                        ('opens_at', models.DateTimeField(blank=True, null=True, verbose_name='opens')),
                        ('closes_at', models.DateTimeField(blank=True, null=True, verbose_name='closes')),
                        ('max_attempts', models.PositiveSmallIntegerField(default=1, help_text='How many times a pupil may do it; 0 for unlimited practice.', verbose_name='attempts')),
                        ('correction_timing', models.CharField(choices=[('each', 'After each question'), ('end', 'At the end')], default='end', max_length=4, verbose_name='show the correction')),
                        ('assigned_groups', modelcluster.fields.ParentalManyToManyField(blank=True, help_text='Leave both empty for the whole class.', related_name='exercises', to='classrooms.pupilgroup', verbose_name='for these groups')),
                        ('assigned_pupils', modelcluster.fields.ParentalManyToManyField(blank=True, related_name='assigned_exercises', to=settings.AUTH_USER_MODEL, verbose_name='for these pupils')),
                    ],
                    options={
                        'verbose_name': 'exercise',
                        'verbose_name_plural': 'exercises',
                        'db_table': 'classrooms_exercisepage',
                    },
                    bases=(classrooms.models.PrivateClassPageMixin, 'wagtailcore.page'),
                ),

                migrations.AlterField(
                    model_name="attempt",
                    name="exercise",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="attempts",
                        to="exercises.exercisepage",
                        verbose_name="exercise",
                    ),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(
            move_content_type("classrooms", "exercises"),
            move_content_type("exercises", "classrooms"),
        ),
    ]
