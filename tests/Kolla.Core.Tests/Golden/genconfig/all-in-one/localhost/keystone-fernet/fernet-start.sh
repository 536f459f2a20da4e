#!/bin/bash
set -o errexit

exec cron -f
