"""`{% read_aloud text %}`: a speaker button that says `text` aloud, for children who do
not read yet.

static/js/read-aloud.js speaks it with the browser's speech synthesis in the page's
language, or plays `audio_src` (a recording a teacher made) when given. Without
JavaScript the button stays hidden: it could do nothing.
"""

from django import template

register = template.Library()


@register.inclusion_tag("includes/read_aloud.html")
def read_aloud(text, audio_src=""):
    return {"text": " ".join(str(text).split()), "audio_src": audio_src}
