"""The health check: the cheapest answer that goes through Préau's whole middleware stack.

Load balancers poll it to know a server is up; the benchmark uses it as the machine's
ceiling T (a trivial Django view, same middleware, same workers), against which every
page's throughput is given as a ratio.
"""

from django.http import HttpResponse
from django.views.decorators.cache import never_cache


@never_cache
def health(request):
    return HttpResponse("ok", content_type="text/plain")
