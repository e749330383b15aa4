"""Login, logout and the page that leads each person to their spaces."""

from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import ngettext
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.views import account as wagtail_account

from .forms import LoginForm


def landing_url(request):
    """Where a person who just logged in goes first, if an app says so, else None."""
    for landing in hooks.get_hooks("preau_login_landing"):
        if url := landing(request):
            return url
    return None


def other_ways_in(request, next_url):
    """The other ways to sign in the apps offer on the login page (identity providers:
    federation/), each a dict with `label` and `url`; `preau_sign_in_choices` hooks take
    the request and the address to go to after signing in, and return a list."""
    choices = []
    for hook in hooks.get_hooks("preau_sign_in_choices"):
        choices.extend(hook(request, next_url))
    return choices


def held_login(request, user, next_url):
    """What a `preau_password_login` hook answers instead of logging in, else None.

    Called once a password was right, before `login()`: the second factor (twofactor/)
    sends a person whose second factor is on to its code step, the session not logged in
    yet. Each hook takes the request, the user and the address asked for (may be "")."""
    for hook in hooks.get_hooks("preau_password_login"):
        if response := hook(request, user, next_url):
            return response
    return None


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["other_ways_in"] = other_ways_in(self.request, context.get("next", ""))
        return context

    def form_valid(self, form):
        held = held_login(self.request, form.get_user(), self.get_redirect_url())
        return held or super().form_valid(form)

    def get_default_redirect_url(self):
        """The first address a `preau_login_landing` hook gives, else "my spaces".

        Accounts know no classes: the apps that do register the hook in their
        wagtail_hooks.py (classrooms/spaces.py login_landing: a pupil or parent of one
        class lands on it). Each hook takes the request and returns an address or None.
        """
        return landing_url(self.request) or super().get_default_redirect_url()

    def get_initial(self):
        # Login cards carry a QR code that opens this page with the username filled in.
        initial = super().get_initial()
        if username := self.request.GET.get("username"):
            initial["username"] = username[:150]
        return initial


class AdminLoginView(wagtail_account.LoginView):
    """Wagtail's admin login page, which asks the same hooks before logging in."""

    def form_valid(self, form):
        next_url = self.get_redirect_url() or reverse("wagtailadmin_home")
        return held_login(self.request, form.get_user(), next_url) or super().form_valid(form)


class LogoutView(auth_views.LogoutView):
    template_name = "accounts/logged_out.html"


class MySpacesView(LoginRequiredMixin, TemplateView):
    """Where everyone lands after login: their classes, children, school or town."""

    template_name = "accounts/my_spaces.html"


def locked_out(request, original_response=None, credentials=None):
    """What django-axes answers while an account is locked (AXES_LOCKOUT_CALLABLE).

    The login page again, with what was typed kept and how long to wait: the wait grows
    with each new failure (accounts/lockout.py), so the page says so. A page that tells
    the wait itself (a class tablet's picture page, cardlogin/) keeps its own answer: a
    `preau_lockout_response` hook takes the request and that answer and returns it, or
    None for pages it does not know.
    """
    for hook in hooks.get_hooks("preau_lockout_response"):
        if (response := hook(request, original_response)) is not None:
            return response

    from axes.helpers import get_client_username

    from .lockout import minutes_left

    username = get_client_username(request, credentials) or ""
    minutes = minutes_left(username)
    form = LoginForm(request, initial={"username": username[:150]})
    message = ngettext(
        "Too many wrong passwords for this username. Wait %(minutes)d minute before "
        "trying again: each new wrong password makes the wait longer.",
        "Too many wrong passwords for this username. Wait %(minutes)d minutes before "
        "trying again: each new wrong password makes the wait longer.",
        minutes,
    ) % {"minutes": minutes}
    context = {"form": form, "refusal": message}
    # Rendered now: axes returns this from its middleware, after template responses render.
    return render(request, "accounts/login.html", context, status=429)
