"""Login, logout and the page that leads each person to their spaces."""

from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.views.generic import TemplateView

from .forms import LoginForm


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def get_initial(self):
        # Login cards carry a QR code that opens this page with the username filled in.
        initial = super().get_initial()
        if username := self.request.GET.get("username"):
            initial["username"] = username[:150]
        return initial


class LogoutView(auth_views.LogoutView):
    template_name = "accounts/logged_out.html"


class MySpacesView(LoginRequiredMixin, TemplateView):
    """Where everyone lands after login: their classes, children, school or town."""

    template_name = "accounts/my_spaces.html"
