/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemuargv: the state of one call. One pass over the domain makes what the
 * generator looks up (devices by id, each device's resources, controllers
 * by index); errors and warnings go out as domxml_diagnostic with stable
 * codes, their paths made only when something is reported.
 */
#ifndef DOMXML__QA_CTX_H
#define DOMXML__QA_CTX_H

#include <stdarg.h>

#include <domxml/qemuargv.h>

#include "props.h"

typedef struct domxml__qa_dev {
    const domxml_node *node;
    const char *id;         /* QEMU id: alias, or numbered */
    const char *pool_vf;    /* <interface type='network'>: the caller's VF */
    unsigned int ordinal;   /* 1-based among same-named siblings, for its path */
    size_t res_first, res_n; /* its resources in ctx->res_of */
    bool iface;             /* an <interface> */
    bool hostlike;          /* a <hostdev>, <interface type='hostdev'>, or a pool VF */
} domxml__qa_dev;

/* A <controller> of the domain: its index, model and alias. */
typedef struct domxml__qa_ctrl {
    unsigned long index;
    const char *model;
    const char *alias;
} domxml__qa_ctrl;

typedef struct domxml__qa_ctrls {
    domxml__qa_ctrl *v;
    size_t n;
} domxml__qa_ctrls;

/* A chunk of the string arena. */
typedef struct domxml__qa_chunk {
    struct domxml__qa_chunk *next;
    size_t used, size;
    char data[];
} domxml__qa_chunk;

typedef struct domxml__qa_ctx {
    const domxml_domain *dom;
    domxml_qemuargv_options opt;
    domxml_memory mem;
    domxml_error *err;
    bool failed;
    bool standalone;
    bool json;
    bool hotplug;      /* fds may be getfd names */
    unsigned int qemu; /* the target QEMU: major * 100 + minor */
    const char *machine;
    bool arm_virt; /* aarch64 virt: NICs default to virtio */
    domxml__qa_dev *devs;
    size_t ndevs;
    domxml__qa_dev **by_id; /* the devices with an id, sorted by id */
    size_t nids;
    size_t *res_of; /* resource indices grouped by device */
    size_t *res_dev; /* the device of each resource */
    domxml__qa_ctrls pci, usb, scsi;
    size_t cur; /* device being built, or (size_t)-1 */
    domxml__qa_arg *args;
    size_t nargs, cap;
    domxml__qa_prop *props;
    size_t nprops, pcap;
    domxml__qa_chunk *chunks;
    unsigned int fdset;
} domxml__qa_ctx;

#define DOMXML__QA_NONE ((size_t)-1)

/* Set up for a call: options, the domain's hooks, devices, ids, resources,
 * controllers; runs validation unless `validate` is false. 0, or -1 with
 * the error reported. Clear the context with domxml__qa_ctx_clear()
 * either way. */
int domxml__qa_prepare(domxml__qa_ctx *ctx, const domxml_domain *dom,
                       const domxml_qemuargv_options *opt, domxml_error *err, bool validate);
void domxml__qa_ctx_clear(domxml__qa_ctx *ctx);

/* The first error: reported (callback, *err) with the current device's
 * position and path; later ones are dropped. */
void domxml__qa_fail(domxml__qa_ctx *ctx, domxml_error_code kind, const char *code,
                     const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void domxml__qa_warn(domxml__qa_ctx *ctx, domxml_error_code kind, const char *code,
                     const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Memory from the caller's hooks, failing the call when out of it: an
 * array of n (at least 1) objects; room for one more in a growing one. */
void *domxml__qa_alloc(domxml__qa_ctx *ctx, size_t n, size_t size);
void *domxml__qa_grow(domxml__qa_ctx *ctx, void *array, size_t *cap, size_t n, size_t size);
/* The concatenation of the strings up to a NULL (at most 8) in the call's
 * string arena, or NULL: the cheap form of domxml__qa_printf(). */
const char *domxml__qa_cat(domxml__qa_ctx *ctx, ...);
/* v in `base` (10 or 16, lower case) written at the end of buf. */
const char *domxml__qa_utoa(char buf[24], unsigned long long v, unsigned int base);
/* A copy of formatted text in the call's string arena, or NULL. */
const char *domxml__qa_printf(domxml__qa_ctx *ctx, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
