# neutron-periodic-workers for releases that predate the command: the plugins' periodic workers,
# which neutron-server ran itself when it was not split into API, RPC and periodic processes.
from neutron.api import extensions
from neutron import manager
from neutron import server
from neutron import service


def _periodic_workers():
    manager.init()
    extensions.PluginAwareExtensionManager.get_instance()
    service.start_plugins_workers().wait()


def main():
    server.boot_server(_periodic_workers)
