"""URLs of the example roster site."""

from django.urls import path

from roster_site import views

urlpatterns = [
    path("", views.class_list, name="class-list"),
    path("classes/<str:class_id>/roster/", views.class_roster, name="class-roster"),
    path("classes/<str:class_id>/gradebook/", views.class_gradebook, name="class-gradebook"),
]
