"""The benchmark's query counter: each answer says how many SQL queries it cost."""

from django.contrib.auth import get_user_model
from django.http import HttpResponse

from devtools.query_count import QueryCountMiddleware


def test_the_header_counts_the_queries_of_the_request(rf, db):
    def view(request):
        users = get_user_model().objects
        users.count()
        users.filter(username="nobody").exists()
        return HttpResponse("ok")

    response = QueryCountMiddleware(view)(rf.get("/"))
    assert response["X-Preau-Queries"] == "2"


def test_a_request_without_queries_says_zero(rf):
    response = QueryCountMiddleware(lambda request: HttpResponse("ok"))(rf.get("/"))
    assert response["X-Preau-Queries"] == "0"
