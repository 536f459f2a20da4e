DEBUG = False
COMPRESS_OFFLINE = True
WEBROOT = '/'
ALLOWED_HOSTS = ['*']

SESSION_ENGINE = 'django.contrib.sessions.backends.cache'
CACHES = {
    'default': {
        'BACKEND': 'django.core.cache.backends.memcached.PyMemcacheCache',
        'LOCATION': [
            '10.0.0.11:11211',
            '10.0.0.12:11211',
            '10.0.0.13:11211',
        ],
        'OPTIONS': {
            'ignore_exc': True,
        },
    },
}


OPENSTACK_API_VERSIONS = {
    'identity': 3,
}
OPENSTACK_HOST = '10.0.0.250'
OPENSTACK_KEYSTONE_URL = 'http://10.0.0.250:5000/v3'
OPENSTACK_KEYSTONE_DEFAULT_ROLE = 'member'
OPENSTACK_KEYSTONE_MULTIDOMAIN_SUPPORT = False
OPENSTACK_KEYSTONE_DEFAULT_DOMAIN = 'Default'
OPENSTACK_ENDPOINT_TYPE = 'internalURL'

LOCAL_PATH = '/tmp'
SECRET_KEY = 'horizon_secret_key-golden'
EMAIL_BACKEND = 'django.core.mail.backends.console.EmailBackend'
TIME_ZONE = 'UTC'
POLICY_FILES_PATH = '/etc/openstack-dashboard'

OPENSTACK_NEUTRON_NETWORK = {
    'enable_router': True,
    'enable_quotas': True,
    'enable_ipv6': True,
    'enable_distributed_router': False,
    'enable_ha_router': False,
    'enable_fip_topology_check': True,
    'supported_vnic_types': ['*'],
}

OPENSTACK_HYPERVISOR_FEATURES = {
    'can_set_mount_point': False,
    'can_set_password': False,
    'requires_keypair': False,
    'enable_quotas': True,
}

HORIZON_IMAGES_UPLOAD_MODE = 'direct'
API_RESULT_LIMIT = 1000
API_RESULT_PAGE_SIZE = 20
DROPDOWN_MAX_ITEMS = 30

LOGGING = {
    'version': 1,
    'disable_existing_loggers': False,
    'handlers': {
        'null': {'level': 'DEBUG', 'class': 'logging.NullHandler'},
        'console': {'level': 'INFO', 'class': 'logging.StreamHandler'},
    },
    'loggers': {
        'django.db.backends': {'handlers': ['null'], 'propagate': False},
        'requests': {'handlers': ['null'], 'propagate': False},
        'horizon': {'handlers': ['console'], 'level': 'DEBUG', 'propagate': False},
        'openstack_dashboard': {'handlers': ['console'], 'level': 'DEBUG', 'propagate': False},
        'openstack_auth': {'handlers': ['console'], 'level': 'DEBUG', 'propagate': False},
        'django': {'handlers': ['console'], 'level': 'DEBUG', 'propagate': False},
    },
}
