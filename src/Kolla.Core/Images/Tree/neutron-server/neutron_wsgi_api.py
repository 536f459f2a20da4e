# WSGI entry point neutron.wsgi.api:application, as Kolla's uWSGI configuration loads it.
# Releases that predate the module serve the API through neutron-api's entry point, which reads
# the configuration files named by OS_NEUTRON_CONFIG_FILES as the newer module does.
from neutron.cmd.eventlet.server import main_api_eventlet as _main_api

application = _main_api()
