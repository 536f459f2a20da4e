# WSGI entry point glance.wsgi.api:application, as Kolla's uWSGI configuration loads it.
# Releases that predate the module build the same application through glance.common.wsgi_app.
from glance.common import wsgi_app as _wsgi_app

application = _wsgi_app.init_app()
