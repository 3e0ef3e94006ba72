/* The public header stands alone and compiles as strict C11 (it uses an
 * anonymous union). */
#include <domxml.h>
#include <domxml/qemuargv.h>
#include <stdio.h>

int main(void)
{
    domxml_interface iface = {0};

    printf("header_c11: %s\n", domxml_version_string());
    puts("1 passed, 0 failed");
    return domxml_nic_model_is_virtio(iface.model) ? 1 : 0;
}
