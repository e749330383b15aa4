"""The demo portal of `load_demo_data`: two fictional towns, three schools, their classes
and families. `data` is the story (texts and people), `specs` its shapes, `loader` and
the modules it is made of write it into the database; `images` and `audio` draw the
pictures and the recording, so nothing real is shipped.
"""
