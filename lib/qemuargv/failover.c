/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* qemuargv: failover pairs (virtio standby + vfio-pci primary). */
#include <string.h>

#include "failover.h"
#include "hostdev.h"

static const domxml_teaming *teaming(const domxml__qa_dev *d)
{
    const domxml_teaming *t = domxml_node_teaming(d->node);
    return t && t->type != DOMXML_TEAMING_TYPE_NONE ? t : NULL;
}

static int member_check(domxml__qa_ctx *ctx, size_t k)
{
    const domxml__qa_dev *d = &ctx->devs[k];
    const domxml_teaming *t = teaming(d);

    ctx->cur = k;
    if (t->type == DOMXML_TEAMING_TYPE_PERSISTENT && d->iface && !d->hostlike &&
        (!d->node->interface->mac || !d->node->interface->mac->address.set)) {
        domxml__qa_fail(ctx, DOMXML_ERR_MISSING, "qemuargv.failover-mac",
                        "a failover standby needs a MAC address (the guest pairs the members "
                        "by MAC)");
        return -1;
    }
    if (t->type != DOMXML_TEAMING_TYPE_TRANSIENT)
        return 0;
    if (d->iface && d->node->interface->type == DOMXML_INTERFACE_TYPE_NETWORK && !d->pool_vf) {
        domxml__qa_fail(ctx, DOMXML_ERR_MISSING, "qemuargv.resource-missing",
                        "a transient <interface type='network'> is a VF of the network's pool: "
                        "give it (a pool VF resource)");
        return -1;
    }
    return 0;
}

int domxml__qa_failover_check(domxml__qa_ctx *ctx, size_t only)
{
    int rc = 0;

    for (size_t k = 0; k < ctx->ndevs && rc == 0; k++)
        if ((only == DOMXML__QA_NONE || k == only) && teaming(&ctx->devs[k]))
            rc = member_check(ctx, k);
    ctx->cur = DOMXML__QA_NONE;
    return rc;
}

size_t domxml__qa_failover_primary(const domxml__qa_ctx *ctx, size_t k)
{
    const domxml_teaming *t = teaming(&ctx->devs[k]);

    if (!t || t->type != DOMXML_TEAMING_TYPE_PERSISTENT)
        return DOMXML__QA_NONE;
    for (size_t j = 0; j < ctx->ndevs; j++) {
        const char *p = domxml__qa_failover_pair(ctx->devs[j].node);
        if (p && strcmp(p, ctx->devs[k].id) == 0)
            return j;
    }
    return DOMXML__QA_NONE;
}
