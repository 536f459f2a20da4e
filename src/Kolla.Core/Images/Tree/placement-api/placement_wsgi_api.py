# WSGI entry point placement.wsgi.api:application, as Kolla's uWSGI configuration loads it.
# Releases that predate the module build the same application through placement.wsgi.
from placement import wsgi as _wsgi

application = _wsgi.init_application()
