# Operator settings for Horizon (a file replacing the template).
SESSION_TIMEOUT = 7200
