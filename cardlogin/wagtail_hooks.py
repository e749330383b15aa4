from wagtail import hooks

from .views import own_lockout_answer

hooks.register("preau_lockout_response", own_lockout_answer)
