# WSGI entry point nova.wsgi.metadata:application, as Kolla's uWSGI configuration loads it.
# Releases that predate the module build the same application through nova.api.metadata.wsgi.
from nova.api.metadata import wsgi as _wsgi

application = _wsgi.init_application()
