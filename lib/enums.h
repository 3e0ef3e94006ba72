/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* enums.c: one string table per enum drives parse, format and the API. */
#ifndef DOMXML_ENUMS_H
#define DOMXML_ENUMS_H

#include "common.h"

typedef struct domxml__enum {
    const char *const *names; /* names[0] is NULL: the "absent" value */
    unsigned count;           /* the enum's _LAST value */
    bool icase;               /* match names case-insensitively */
} domxml__enum;

#define DOMXML__ENUM_TABLE(ident, last, ...)                                   \
    static const char *const ident##_names[] = {NULL, __VA_ARGS__};           \
    static_assert(sizeof(ident##_names) / sizeof(ident##_names[0]) == (last),  \
                  #ident ": string table does not match its enum");            \
    DOMXML__INTERNAL_DEFINITION const domxml__enum ident = {ident##_names, (last), false}

DOMXML__INTERNAL int domxml__enum_lookup(const domxml__enum *e, const char *s);
DOMXML__INTERNAL const char *domxml__enum_name(const domxml__enum *e, int v);
/* "a, b or c": the accepted values, for error messages. */
DOMXML__INTERNAL void domxml__enum_list(const domxml__enum *e, char *out, size_t size);

extern DOMXML__INTERNAL const domxml__enum domxml__tristate_bool_enum;
extern DOMXML__INTERNAL const domxml__enum domxml__tristate_switch_enum;
extern DOMXML__INTERNAL const domxml__enum domxml__trunk_enum;
extern DOMXML__INTERNAL const domxml__enum domxml__interface_type_enum;
extern DOMXML__INTERNAL const domxml__enum domxml__mac_type_enum;
extern DOMXML__INTERNAL const domxml__enum domxml__direct_mode_enum;
extern DOMXML__INTERNAL const domxml__enum domxml__socket_mode_enum;
extern DOMXML__INTERNAL const domxml__enum domxml__socket_type_enum;
extern DOMXML__INTERNAL const domxml__enum domxml__vlan_native_mode_enum;
extern DOMXML__INTERNAL const domxml__enum domxml__virtualport_type_enum;
extern DOMXML__INTERNAL const domxml__enum domxml__nic_model_enum;
extern DOMXML__INTERNAL const domxml__enum domxml__net_driver_name_enum;
extern DOMXML__INTERNAL const domxml__enum domxml__net_txmode_enum;
extern DOMXML__INTERNAL const domxml__enum domxml__net_backend_type_enum;
extern DOMXML__INTERNAL const domxml__enum domxml__port_forward_proto_enum;
extern DOMXML__INTERNAL const domxml__enum domxml__link_state_enum;
extern DOMXML__INTERNAL const domxml__enum domxml__ip_family_enum;
extern DOMXML__INTERNAL const domxml__enum domxml__address_type_enum;
extern DOMXML__INTERNAL const domxml__enum domxml__teaming_type_enum;
extern DOMXML__INTERNAL const domxml__enum domxml__hostdev_mode_enum;
extern DOMXML__INTERNAL const domxml__enum domxml__hostdev_type_enum;
extern DOMXML__INTERNAL const domxml__enum domxml__hostdev_backend_enum;
extern DOMXML__INTERNAL const domxml__enum domxml__hostdev_sgio_enum;
extern DOMXML__INTERNAL const domxml__enum domxml__hostdev_model_enum;
extern DOMXML__INTERNAL const domxml__enum domxml__usb_startup_policy_enum;
extern DOMXML__INTERNAL const domxml__enum domxml__usb_guest_reset_enum;
extern DOMXML__INTERNAL const domxml__enum domxml__scsi_protocol_enum;

#endif /* DOMXML_ENUMS_H */
