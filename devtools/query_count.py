"""Counts the SQL queries of each request, for the benchmark (`make bench`).

Switched on by PREAU_COUNT_QUERIES=1 only: it adds an `X-Preau-Queries` header that the
load tool sums, so the report gives queries per request measured under load, cached
pages included. Never on in a real deployment: the header tells how a page is built.
"""

from django.db import connections


class QueryCountMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = 0

        def counter(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with connections["default"].execute_wrapper(counter):
            response = self.get_response(request)
        response["X-Preau-Queries"] = str(count)
        return response
