from django.urls import path

from . import views

app_name = "dataexport"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("<int:user_id>/", views.of_person, name="person"),
]
