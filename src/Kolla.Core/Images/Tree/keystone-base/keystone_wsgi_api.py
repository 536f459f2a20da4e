# WSGI entry point keystone.wsgi.api:application, as Kolla's uWSGI configuration loads it.
# Releases that predate the module build the public application through keystone.server.wsgi.
from keystone.server import wsgi as _wsgi

application = _wsgi.initialize_public_application()
