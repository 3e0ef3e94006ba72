#!/bin/sh
# Stands for the Check unit-test programs when configure did not find Check.
echo "SKIP: the Check unit tests (tests/check_*): configure did not find Check."
echo "      Install it (Debian: apt-get install check) and re-run ./configure."
exit 77
