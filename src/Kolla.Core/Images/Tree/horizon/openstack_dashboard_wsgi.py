# WSGI entry point openstack_dashboard.wsgi:application, as Kolla's uWSGI configuration loads it.
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "openstack_dashboard.settings")
application = get_wsgi_application()
