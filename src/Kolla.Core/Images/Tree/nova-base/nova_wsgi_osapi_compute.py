# WSGI entry point nova.wsgi.osapi_compute:application, as Kolla's uWSGI configuration loads it.
# Releases that predate the module build the same application through nova.api.openstack.compute.wsgi.
from nova.api.openstack.compute import wsgi as _wsgi

application = _wsgi.init_application()
