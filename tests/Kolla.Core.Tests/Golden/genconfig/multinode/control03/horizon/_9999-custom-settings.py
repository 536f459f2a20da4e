# Settings placed here (or in the operator's horizon/_9999-custom-settings.py) override the ones above.
