/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* qemuargv: the host side of a NIC: -netdev, and the -chardev or -add-fd
 * it needs. */
#ifndef DOMXML__QA_NETDEV_H
#define DOMXML__QA_NETDEV_H

#include "table.h"

/* The backend of the NIC whose view is `v`, with id v->netdev. */
void domxml__qa_netdev(domxml__qa_view *v);
/* A vhost-user backend: the chardev of the unix socket `path` (listening
 * when `server`; reconnecting after `reconnect` seconds when >= 0) and
 * the vhost-user netdev on it. */
void domxml__qa_vhostuser(domxml__qa_view *v, const char *path, bool server, long long reconnect);

#endif
