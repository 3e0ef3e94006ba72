/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* qemuargv: devices to arguments, in libvirt's order. */
#include "build.h"
#include "failover.h"
#include "hostdev.h"
#include "netdev.h"
#include "nic.h"

void domxml__qa_build_one(domxml__qa_ctx *ctx, size_t k)
{
    domxml__qa_view v;

    domxml__qa_view_init(&v, ctx, k);
    if (ctx->devs[k].hostlike) {
        domxml__qa_hostdev(&v);
    } else {
        const domxml_interface *i = v.iface;
        v.netdev = domxml__qa_cat(ctx, "host", v.id, NULL);
        if (i->link && i->link->state == DOMXML_LINK_STATE_DOWN)
            domxml__qa_warn(ctx, DOMXML_ERR_UNSUPPORTED, "qemuargv.link-state",
                            "<link state='down'> has no QEMU start-up property: send QMP "
                            "set_link {\"name\":\"%s\",\"up\":false} after start",
                            v.id);
        domxml__qa_netdev(&v);
        domxml__qa_view nic;
        domxml__qa_view_init(&nic, ctx, k);
        nic.netdev = v.netdev;
        domxml__qa_nic(&nic);
    }
    ctx->cur = DOMXML__QA_NONE;
}

int domxml__qa_build_all(domxml__qa_ctx *ctx)
{
    if (domxml__qa_failover_check(ctx, DOMXML__QA_NONE) < 0)
        return -1;
    for (int pass = 0; pass < 3 && !ctx->failed; pass++)
        for (size_t k = 0; k < ctx->ndevs && !ctx->failed; k++) {
            const domxml__qa_dev *d = &ctx->devs[k];
            bool want = pass == 0 ? d->iface && !d->hostlike
                      : pass == 1 ? d->iface && d->hostlike
                                  : !d->iface;
            if (want)
                domxml__qa_build_one(ctx, k);
        }
    return ctx->failed ? -1 : 0;
}
