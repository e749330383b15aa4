"""Building an exercise from the class space: the front-end builder for teachers.

The Wagtail admin stays for power users; here a teacher creates an exercise, adds its
items one at a time with one plain form per kind (item_forms.py), previews it as a pupil
sees it and gives it to the class. Every form produces the SAME StreamField block values
as the admin, validated by each block's own clean() (so the rules of a question are
written once, in exercises/questions/), and each save is a new draft revision of the page
(body.py), refused when written from an outdated copy. Who may do it: rules.may_build.
"""
